/**
 * The embed's display options (hidden and locked controls) for the widgets inside an /embed/ page. Lessons never
 * provide it, so widgets there see NO_OPTIONS: everything shown, nothing locked.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { NO_OPTIONS, type EmbedOptions } from '../../lib/embed-options';

export const EmbedOptionsContext = createContext<EmbedOptions>(NO_OPTIONS);

export function useEmbedOptions(): EmbedOptions {
  return useContext(EmbedOptionsContext);
}
