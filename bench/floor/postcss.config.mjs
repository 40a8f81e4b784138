// No PostCSS plugins: without this file the build would pick up the root's Tailwind config, which the floor does not use.
const config = { plugins: {} };

export default config;
