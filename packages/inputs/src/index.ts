export { loadPlanInputs, triggerFromEnv, type PlanFlags, type PlanInputs, type InputSource } from './load-plan-inputs.js';
