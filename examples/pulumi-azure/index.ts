import * as resources from "@pulumi/azure-native/resources/index.js";
import * as storage from "@pulumi/azure-native/storage/index.js";

const health = { "data-classification": "santé" };

// No location on the accounts: Azure puts them where their resource group is.
const france = new resources.ResourceGroup("sante-france", { location: "francecentral" });
new storage.StorageAccount("dossiers", {
  resourceGroupName: france.name,
  kind: storage.Kind.StorageV2,
  sku: { name: storage.SkuName.Standard_ZRS },
  tags: health,
});

// Blocked: the same account in a resource group in the United States (outside the EEA).
const us = new resources.ResourceGroup("sante-us", { location: "eastus" });
new storage.StorageAccount("dossiers-us", {
  resourceGroupName: us.name,
  kind: storage.Kind.StorageV2,
  sku: { name: storage.SkuName.Standard_LRS },
  tags: health,
});
