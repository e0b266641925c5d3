// `npm run status-page`: the status page became the front page of the
// published site, so this builds the whole site, with the same options as
// `npm run site` (the Pages workflow calls it by this name).
import { runCli } from '../shell/cli.ts';
import { siteHelp, siteMain } from '../shell/site-build.ts';

runCli(siteHelp('status-page'), siteMain);
