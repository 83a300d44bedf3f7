/**
 * Which resource types hold no data: the one list every front door reads (Terraform plans and states,
 * cdk.tf.json, the Pulumi pack). Such a resource is `holdsData: false` in the canonical resource: the
 * rules never ask it for a classification, and provider default tags, stack tags and the default
 * classification do not reach it (its own tag is still believed).
 *
 * The rule, fail closed: a type is here only when it holds nothing of its own and sends nothing
 * anywhere. It grants access (IAM, permissions), connects (networks, subnets, firewall and security
 * group rules, gateways), names (DNS, certificates), or sets a property of a resource that is judged
 * itself (a bucket's versioning or encryption, a database's parameters, a launch template). Never a
 * reason: that a type cannot carry tags (a secret's version, a table item, a log stream, an object, a
 * ciphertext hold data), nor that its name says policy or configuration when it makes copies or sends
 * data elsewhere (DLM lifecycle policies and Google resource policies take snapshots, auditing policies
 * and bucket logging, inventory and notifications send records out, replications are copies). A type
 * missing here may hold data: judged as data, never the reverse.
 *
 * Written in Terraform's spelling; a Pulumi type is read through the Terraform names it may have.
 */

const NO_DATA = new RegExp(
  [
    // AWS: access control.
    "^aws_(iam|organizations)_",
    "^aws_lambda_permission$",
    "^aws_cloudfront_origin_access_(identity|control)$",
    // AWS: networking (the `route` prefix takes route tables and Route 53's DNS), certificates.
    "^aws_(security_group|vpc|subnet|route|internet_gateway|nat_gateway|egress_only_internet_gateway|eip|network_acl|customer_gateway|vpn_gateway|default_(security_group|route_table|network_acl|vpc|subnet))",
    "^aws_\\w+_security_group$",
    "^aws_acm",
    // AWS: settings of a resource judged itself.
    "^aws_\\w+_(parameter|subnet|option)_group$",
    "^aws_s3_bucket_(versioning|public_access_block|server_side_encryption_configuration|acl|cors_configuration|ownership_controls|policy|website_configuration|request_payment_configuration|accelerate_configuration|lifecycle_configuration|object_lock_configuration|intelligent_tiering_configuration|metric)$",
    "^aws_s3_account_public_access_block$",
    "^aws_launch_(configuration|template)$",
    "^aws_api_gateway_(documentation_part|documentation_version|method|method_response|integration_response|resource|model|request_validator|gateway_response|authorizer|base_path_mapping)$",
    "^aws_(ec2|autoscaling_group)_tag$",
    // Google: access control, networking, DNS.
    "^google_(.+_iam_(policy|binding|member)|service_account(_key)?|compute_(network|subnetwork|firewall|route|router|address|global_address)|dns_)",
    // Azure: access control, networking, DNS, resource groups, database server settings.
    "^azurerm_(role_(assignment|definition)|network_security_(group|rule)|virtual_network|subnet|route_table|dns_|private_dns_|public_ip|user_assigned_identity|resource_group$)",
    "^azurerm_(network_interface|lb|private_endpoint|nat_gateway|application_security_group|local_network_gateway)",
    "^azurerm_\\w+_(firewall_rule|virtual_network_rule)$",
    "^azurerm_(postgresql|mysql|mariadb)(_flexible_server)?_configuration$",
    // Any provider: access policies and their attachments.
    "_(policy|policy_attachment|role_policy_attachment|bucket_policy|bucket_public_access_block)$",
  ].join("|"),
);

/**
 * Named like the families above, yet they take copies (snapshots, backups, replications), send records
 * elsewhere (query logs, audit logs, access logs, log subscriptions), or hold personal data (a domain's
 * registrant contacts).
 */
const MAY_HOLD_DATA = new RegExp(
  [
    "^\\w+_(backup|snapshot|replication)_policy(_attachment)?$",
    "^aws_dlm_lifecycle_policy$",
    "^google_compute_resource_policy$",
    "^google_compute_(region_)?(disk_)?resource_policy_attachment$",
    "^aws_route53_query_log$",
    "^aws_route53_resolver_query_log_config(_association)?$",
    "^aws_route53domains_(registered_)?domain$",
    "^aws_vpclattice_access_log_subscription$",
    "^aws_cloudwatch_log_(account|data_protection)_policy$",
    "^aws_sns_topic_data_protection_policy$",
    "^azurerm_\\w+_(auditing|security_alert)_policy$",
    // Logs they can send when configured (flow logs, firewall and NAT logs, DNS query logs).
    "^google_compute_(subnetwork|firewall|router_nat)$",
    "^google_dns_(policy|managed_zone)$",
    // Traffic mirroring: copies of the packets go to a collector.
    "_tap(_configuration)?$",
  ].join("|"),
);

/** A Terraform resource type known to hold no data. */
export const holdsNoData = (type: string): boolean => NO_DATA.test(type) && !MAY_HOLD_DATA.test(type);

/** Pulumi packages and the Terraform provider their types come from. */
const TERRAFORM_PROVIDER: Record<string, string> = { aws: "aws", gcp: "google", azure: "azurerm", "azure-native": "azurerm" };

/** "securityGroupRule" -> "security_group_rule", "iAMMember" -> "iam_member", "s3" -> "s3". */
const snake = (name: string): string =>
  (name.charAt(0).toUpperCase() + name.slice(1)).match(/[A-Z]+[0-9]*(?![a-z])|[A-Z][a-z0-9]*|[0-9]+/g)?.map((w) => w.toLowerCase()).join("_") ?? name.toLowerCase();

/**
 * The Terraform names a Pulumi type may have: with its module ("aws:iam/role:Role" -> aws_iam_role) and,
 * for AWS's EC2 family and Azure, without (aws:ec2/securityGroupRule -> aws_security_group_rule,
 * azure-native:network:VirtualNetwork -> azurerm_virtual_network); the "V2" of renamed resources dropped
 * (aws:s3/bucketVersioningV2).
 */
export function terraformNames(pulumiType: string): string[] {
  const [pkg = "", path = ""] = pulumiType.split(":");
  const provider = TERRAFORM_PROVIDER[pkg];
  if (!provider) return [];
  // aws:s3/bucketVersioningV2 has module "s3"; azure-native:network:VirtualNetwork names it in its type name.
  const [module, name] = path.includes("/") ? path.split("/") : [path, pulumiType.split(":")[2] ?? ""];
  const base = snake(name!.replace(/V2$/, ""));
  // Without the module only where Terraform drops it: AWS's EC2 family, Azure's namespaces. Elsewhere
  // the module-less name is another resource (aws:location/routeCalculation is not a route table).
  const moduleLess = (pkg === "aws" && module === "ec2") || pkg === "azure-native" || pkg === "azure";
  return moduleLess ? [`${provider}_${snake(module!)}_${base}`, `${provider}_${base}`] : [`${provider}_${snake(module!)}_${base}`];
}

/**
 * A Pulumi type known to hold no data: one of its Terraform names is in the list, and none is one of
 * the exceptions (those are written with their module, the name a Pulumi type always has).
 */
export function pulumiHoldsNoData(type: string): boolean {
  const names = terraformNames(type);
  return names.some((n) => NO_DATA.test(n)) && !names.some((n) => MAY_HOLD_DATA.test(n));
}
