import { TenantUsage as TenantUsage_b636be4a0574fe4fe4604a0982cd3d23 } from '../../../components/TenantUsage'
import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { ApiKeyActions as ApiKeyActions_61fe469f1e94451aca062d8d541f288a } from '../../../components/ApiKeyActions'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItemStockPanel as ItemStockPanel_e3259c151abe487886a747c2641cfa0c } from '../../../components/ItemStockPanel'
import { ItemScan as ItemScan_a90359da18c4a88061831b733edd234c } from '../../../components/ItemScan'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { LocationTree as LocationTree_2e2f5826aac9b0cf212d4caa748759e0 } from '../../../components/LocationTree'
import { LotTracePanel as LotTracePanel_7628aa048ebc6ac49e0111964064d596 } from '../../../components/TracePanel'
import { ExpiringLots as ExpiringLots_fa81b81001f70fea10f7c0f1021d6e8a } from '../../../components/ExpiringLots'
import { RecallSelectedLots as RecallSelectedLots_47c270378b5e2ff8b8a4c6446c9f6543 } from '../../../components/LotRecall'
import { BulkActions as BulkActions_be894b74c84c679407bbc6b2d9716818 } from '../../../components/BulkActions'
import { DocumentActions as DocumentActions_14130295b9628b49f6eb5f9031ef90a4 } from '../../../components/DocumentActions'
import { VendorPerformance as VendorPerformance_c8803e314187a34dc953b8c699acdb26 } from '../../../components/VendorPerformance'
import { ReceiveForm as ReceiveForm_1a2b0a1c04d651eb3d8d5296069084d3 } from '../../../components/ReceiveForm'
import { CountingView as CountingView_d0e3e360e4103a85a82b21d80023b4cc } from '../../../components/CountingScreen'
import { RecallTracePanel as RecallTracePanel_7628aa048ebc6ac49e0111964064d596 } from '../../../components/TracePanel'
import { WebhookEndpointActions as WebhookEndpointActions_f02fae920c1c550dcbc672fea782c6ec } from '../../../components/WebhookEndpointActions'
import { EventSourceActions as EventSourceActions_f02fae920c1c550dcbc672fea782c6ec } from '../../../components/WebhookEndpointActions'
import { ImportPanel as ImportPanel_9c0533b75416a30d8894be5629ef3b93 } from '../../../components/CsvJobs/ImportPanel'
import { ExportPanel as ExportPanel_a1de63c6d6f49ec988885c34c53b65b7 } from '../../../components/CsvJobs/ExportPanel'
import { StockMatrixNavLink as StockMatrixNavLink_8ff20c07f110738d9977d8f5f9473fac } from '../../../components/StockMatrix'
import { WarehouseReportsNavLink as WarehouseReportsNavLink_c762506cff213a79e4283cd352e7433b } from '../../../components/WarehouseReports'
import { ReportsNavLink as ReportsNavLink_78a77e07a3b5f506c3351f9b5268a158 } from '../../../components/Reports/NavLink'
import { DashboardHome as DashboardHome_9a680279bc487e655cb510fd8d9dadff } from '../../../components/Dashboard'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { StockMatrixView as StockMatrixView_8ff20c07f110738d9977d8f5f9473fac } from '../../../components/StockMatrix'
import { WarehouseReportsView as WarehouseReportsView_c762506cff213a79e4283cd352e7433b } from '../../../components/WarehouseReports'
import { ReportsView as ReportsView_cd92c21c4ce3679687c245242d1c6396 } from '../../../components/Reports'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/TenantUsage#TenantUsage": TenantUsage_b636be4a0574fe4fe4604a0982cd3d23,
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "/components/ApiKeyActions#ApiKeyActions": ApiKeyActions_61fe469f1e94451aca062d8d541f288a,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/ItemStockPanel#ItemStockPanel": ItemStockPanel_e3259c151abe487886a747c2641cfa0c,
  "/components/ItemScan#ItemScan": ItemScan_a90359da18c4a88061831b733edd234c,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "/components/LocationTree#LocationTree": LocationTree_2e2f5826aac9b0cf212d4caa748759e0,
  "/components/TracePanel#LotTracePanel": LotTracePanel_7628aa048ebc6ac49e0111964064d596,
  "/components/ExpiringLots#ExpiringLots": ExpiringLots_fa81b81001f70fea10f7c0f1021d6e8a,
  "/components/LotRecall#RecallSelectedLots": RecallSelectedLots_47c270378b5e2ff8b8a4c6446c9f6543,
  "/components/BulkActions#BulkActions": BulkActions_be894b74c84c679407bbc6b2d9716818,
  "/components/DocumentActions#DocumentActions": DocumentActions_14130295b9628b49f6eb5f9031ef90a4,
  "/components/VendorPerformance#VendorPerformance": VendorPerformance_c8803e314187a34dc953b8c699acdb26,
  "/components/ReceiveForm#ReceiveForm": ReceiveForm_1a2b0a1c04d651eb3d8d5296069084d3,
  "/components/CountingScreen#CountingView": CountingView_d0e3e360e4103a85a82b21d80023b4cc,
  "/components/TracePanel#RecallTracePanel": RecallTracePanel_7628aa048ebc6ac49e0111964064d596,
  "/components/WebhookEndpointActions#WebhookEndpointActions": WebhookEndpointActions_f02fae920c1c550dcbc672fea782c6ec,
  "/components/WebhookEndpointActions#EventSourceActions": EventSourceActions_f02fae920c1c550dcbc672fea782c6ec,
  "/components/CsvJobs/ImportPanel#ImportPanel": ImportPanel_9c0533b75416a30d8894be5629ef3b93,
  "/components/CsvJobs/ExportPanel#ExportPanel": ExportPanel_a1de63c6d6f49ec988885c34c53b65b7,
  "/components/StockMatrix#StockMatrixNavLink": StockMatrixNavLink_8ff20c07f110738d9977d8f5f9473fac,
  "/components/WarehouseReports#WarehouseReportsNavLink": WarehouseReportsNavLink_c762506cff213a79e4283cd352e7433b,
  "/components/Reports/NavLink#ReportsNavLink": ReportsNavLink_78a77e07a3b5f506c3351f9b5268a158,
  "/components/Dashboard#DashboardHome": DashboardHome_9a680279bc487e655cb510fd8d9dadff,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "/components/StockMatrix#StockMatrixView": StockMatrixView_8ff20c07f110738d9977d8f5f9473fac,
  "/components/WarehouseReports#WarehouseReportsView": WarehouseReportsView_c762506cff213a79e4283cd352e7433b,
  "/components/Reports#ReportsView": ReportsView_cd92c21c4ce3679687c245242d1c6396,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
