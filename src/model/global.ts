/**
 * Region-less services: a resource of one of them is `global: true` in the canonical resource (served
 * from everywhere, never France or the EU, whatever region its provider names). One list for every
 * front door: Terraform spells these types `aws_<service>_<name>`, Pulumi `aws:<service>/<name>:<Name>`.
 * Keyed by legal cloud: the AWS European Sovereign Cloud (`aws-eusc`) runs its own IAM and edge in the EU;
 * S3NS (Google on s3nsapis.fr) is another legal cloud, not listed. Google's IAM bindings and service
 * accounts are global too, but carry no labels and hold no data: no rule ever asks where they are.
 */
type Services = Record<string, { except?: string[]; scoped?: true }>;

/** Cloud DNS: managed zones, record sets and DNS policies are global resources, with no location. */
const GOOGLE: Services = { dns: {} };

const GLOBAL_SERVICES: Record<string, Services> = {
  aws: {
    cloudfront: {},
    iam: {},
    // Route 53 Resolver endpoints and rules live in a VPC's region.
    route53: { except: ["resolver"] },
    route53domains: {},
    globalaccelerator: {},
    // WAF Classic is CloudFront's; WAF v2 is global only with scope CLOUDFRONT (WAF Regional is regional).
    waf: {},
    wafv2: { scoped: true },
    shield: {},
    organizations: {},
    budgets: {},
  },
  // Terraform names the provider google or google-beta, Pulumi gcp: one cloud.
  gcp: GOOGLE,
  google: GOOGLE,
  "google-beta": GOOGLE,
};

/** "aws_route53_zone" -> { service: "route53", name: "zone" }. */
export function terraformService(type: string): { service: string; name: string } {
  const [, service = "", ...rest] = type.split("_");
  return { service, name: rest.join("_") };
}

/** "aws:route53/resolverEndpoint:ResolverEndpoint" -> { service: "route53", name: "resolverEndpoint" }. */
export function pulumiService(type: string): { service: string; name: string } {
  const [service = "", name = ""] = (type.split(":")[1] ?? "").split("/");
  return { service, name };
}

/**
 * Whether a resource of this legal cloud and service is global. `scope` gives WAF v2's scope
 * ("CLOUDFRONT" or "REGIONAL"); a scope that cannot be read is not proven regional, so it counts as global.
 */
export function isGlobalService(cloud: string | null | undefined, serviceOf: () => { service: string; name: string }, scope: () => unknown): boolean {
  const services = cloud ? GLOBAL_SERVICES[cloud] : undefined;
  if (!services) return false;
  const { service, name } = serviceOf();
  const entry = Object.hasOwn(services, service) ? services[service] : undefined;
  if (!entry) return false;
  if (entry.except?.some((prefix) => name.toLowerCase().startsWith(prefix))) return false;
  if (entry.scoped) return scope() !== "REGIONAL";
  return true;
}
