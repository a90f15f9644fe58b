/** Clipping view Worker: measures both versions (clipping-protocol.ts clippingHandler) off the main thread. */
import { serveMeasures } from '../shared/measure-protocol';
import { clippingHandler } from './clipping-protocol';

serveMeasures(clippingHandler());
