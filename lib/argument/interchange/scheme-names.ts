import { SCHEMES, schemeById } from '../schemes';

/** The name a file should carry for a scheme id: the catalogue's name, or the id itself when it is not in the catalogue. */
export function schemeName(id: string): string {
  return schemeById(id)?.name ?? id;
}

/** Lower case, letters and digits only, without a leading "argument from". */
function matchKey(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^argumentfrom/, '');
}

const BY_KEY = new Map<string, string>();
for (const scheme of SCHEMES) {
  BY_KEY.set(matchKey(scheme.id), scheme.id);
  BY_KEY.set(matchKey(scheme.name), scheme.id);
  // "Argument from precedent (past practice)" is also known as "precedent".
  BY_KEY.set(matchKey(scheme.name.replace(/\s*\(.*\)\s*/g, ' ')), scheme.id);
}

/**
 * The catalogue id of a scheme a file names, in any of the spellings in the wild: our ids
 * (`expert-opinion`), our names ("Argument from expert opinion"), AIFdb's ("Argument From Expert
 * Opinion") and AraucariaDB/Carneades' (`ExpertOpinion`). `undefined` when the catalogue has no such scheme.
 *
 * @example catalogueSchemeId('CauseToEffect') // 'cause-to-effect'
 */
export function catalogueSchemeId(name: string): string | undefined {
  return BY_KEY.get(matchKey(name));
}
