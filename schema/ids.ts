export { decodeId as localId, encodeId } from '../server/ids.js';
