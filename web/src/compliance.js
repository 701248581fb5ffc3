// The Compliance view and the rankings section of the Quality view. Each slot has its own module:
//   #compliance-verdicts    compliance-verdicts.js    obligations and verdicts (map per region/operator, intervals)
//   #compliance-cases       compliance-cases.js       case list and case page (workflow, fine)
//   #compliance-challenges  compliance-challenges.js  coverage claims and challenges
//   #quality-rankings       compliance-rankings.js    rankings with trend charts, open-data export (Quality view)
// A module is built once and loads its data the first time its view is shown.
import { Verdicts } from './compliance-verdicts.js';
import { Cases } from './compliance-cases.js';
import { Challenges } from './compliance-challenges.js';
import { Rankings } from './compliance-rankings.js';

const $ = id => document.getElementById(id);

export class Compliance {
  constructor() {
    this.verdicts = new Verdicts($('compliance-verdicts'), this);
    this.cases = new Cases($('compliance-cases'), this);
    this.challenges = new Challenges($('compliance-challenges'), this);
    this.rankings = new Rankings($('quality-rankings'), this);
    this._inited = false;
  }

  /** Called each time the Compliance view is shown. */
  init() {
    if (this._inited) return;
    this._inited = true;
    this.verdicts.init();
    this.cases.init();
    this.challenges.init();
  }

  /** Called each time the Quality view is shown. */
  initRankings() {
    this.rankings.init();
  }
}
