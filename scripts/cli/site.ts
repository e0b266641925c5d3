// `npm run site -- --out DIR`: the committee's published site, in English
// and French, with its API, calendar and feed (scripts/shell/site-build.ts).
import { runCli } from '../shell/cli.ts';
import { siteHelp, siteMain } from '../shell/site-build.ts';

runCli(siteHelp('site'), siteMain);
