export { loadPlanInputs, configFileFor, triggerFromEnv, type PlanFlags, type PlanInputs, type InputSource } from './load-plan-inputs.js';
