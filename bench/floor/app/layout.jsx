/** The floor's whole shell: no fonts, no metadata, no providers. */
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>{children}</body>
    </html>
  );
}
