// The little of the browser's globals that functions run inside pages use. The project compiles
// without the DOM library (it is server code), so these functions describe what they touch.
import type axe from 'axe-core';

interface ElementLike { classList: { contains(name: string): boolean } }

export interface PageGlobals {
  document: { body: ElementLike; activeElement: ElementLike | null };
  axe?: typeof axe;
}
