// V8 flags of the web server's processes, for `npm start` and `npm run bench` alike (the copies
// under the cluster primary inherit them). Rendering pages allocates a lot of short-lived
// objects: 64 MB young-generation semi-spaces instead of Node's 16 MB mean fewer scavenges,
// measured at +8 % requests per second on the mixed pages at c=10 (README « Processus web »).
export const WEB_SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
