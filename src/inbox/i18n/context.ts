/** The catalogue in use, provided once by App and read with `useT()`. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Catalogue } from './catalogue.js';
import { ja } from './ja.js';

export const I18n = createContext<Catalogue>(ja);

export function useT(): Catalogue {
  return useContext(I18n);
}
