import { App } from "cdktf";
import { Souverain } from "souverain/cdktf";
import { SensitiveOnGooglePublic, SensitiveOnS3ns } from "./stacks.js";

const app = new App();
new SensitiveOnS3ns(app, "sensitive-on-s3ns");
new SensitiveOnGooglePublic(app, "sensitive-on-google-public");
Souverain.enforce(app);
app.synth();
