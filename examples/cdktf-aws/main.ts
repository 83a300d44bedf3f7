import { App } from "cdktf";
import { Souverain } from "souverain/cdktf";
import { PersonalDataParis, SensitiveOutsideSecNumCloud } from "./stacks.js";

const app = new App();
new PersonalDataParis(app, "personal-data-paris");
new SensitiveOutsideSecNumCloud(app, "sensitive-outside-secnumcloud");
Souverain.enforce(app);
app.synth();
