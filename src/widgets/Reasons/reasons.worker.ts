/** Reasons Worker: measures the four reasons (reasons-protocol.ts reasonsHandler) off the main thread. */
import { serveMeasures } from '../shared/measure-protocol';
import { reasonsHandler } from './reasons-protocol';

serveMeasures(reasonsHandler());
