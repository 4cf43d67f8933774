/**
 * The rule stages in the order they run. Each reads what the earlier ones decided (`ctx.R`) and
 * adds to it; the order matters (violence reads whether suicide was found, parsimony removes what
 * earlier stages added, the second look runs only when nothing is an emergency yet).
 */
import { acute } from './acute';
import type { RuleContext } from './context';
import { households } from './households';
import { lowUrgency } from './low-urgency';
import { parsimony } from './parsimony';
import { plainCategories } from './plain-categories';
import { secondLook } from './second-look';
import { suicide } from './suicide';
import { violence } from './violence';

export interface RuleStage {
  name: string;
  run(ctx: RuleContext): void;
}

export const RULE_STAGES: RuleStage[] = [
  { name: 'plain categories', run: plainCategories },
  { name: 'suicide', run: suicide },
  { name: 'violence', run: violence },
  { name: 'acute needs', run: acute },
  { name: 'households', run: households },
  { name: 'parsimony', run: parsimony },
  { name: 'low urgency', run: lowUrgency },
  { name: 'second look', run: secondLook },
];
