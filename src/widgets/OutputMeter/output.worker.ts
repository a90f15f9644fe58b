/** Output meter Worker: measures a render's whole output (output-protocol.ts outputHandler) off the main thread. */
import { serveMeasures } from '../shared/measure-protocol';
import { outputHandler } from './output-protocol';

serveMeasures(outputHandler());
