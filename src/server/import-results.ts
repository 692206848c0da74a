/** Read an uploaded results.json: the one contract reader lives in src/model (report and CLI use it too). */
export { parseResults, validResults } from '../model/parse-results.js';
