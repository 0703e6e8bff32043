export {demoPortrait} from '../../fixtures/demo-portrait.js';
