import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_status" AS ENUM('active', 'suspended');
  CREATE TYPE "public"."enum_tenants_settings_costing_method" AS ENUM('fifo', 'weighted-average');
  CREATE TYPE "public"."enum_users_notifications_kinds_kind" AS ENUM('replenishment.low_stock', 'po.awaiting_approval', 'po.approved', 'po.rejected', 'lots.expiry_digest', 'count.assigned', 'recall.initiated', 'import.finished', 'export.finished');
  CREATE TYPE "public"."enum_users_notifications_kinds_delivery" AS ENUM('immediate', 'digest', 'off');
  CREATE TYPE "public"."enum_users_tenants_roles" AS ENUM('admin', 'inventory-manager', 'buyer', 'approver', 'viewer', 'integration');
  CREATE TYPE "public"."enum_users_notifications_default_delivery" AS ENUM('immediate', 'digest', 'off');
  CREATE TYPE "public"."enum_plans_features" AS ENUM('multiWarehouse', 'lots', 'recalls', 'webhooks', 'csvImport', 'forecasting', 'advancedReports');
  CREATE TYPE "public"."enum_items_base_unit" AS ENUM('each', 'kg', 'g', 'l', 'ml', 'm', 'cm');
  CREATE TYPE "public"."enum_items_costing_method" AS ENUM('fifo', 'weighted-average');
  CREATE TYPE "public"."enum_warehouses_type" AS ENUM('central-kitchen', 'store', 'fulfilment-centre', 'dark-store', '3pl');
  CREATE TYPE "public"."enum_locations_kind" AS ENUM('internal', 'quarantine', 'transit', 'supplier', 'customer', 'adjustment', 'scrap', 'production');
  CREATE TYPE "public"."enum_locations_temperature_class" AS ENUM('ambient', 'chilled', 'frozen');
  CREATE TYPE "public"."enum_lots_status" AS ENUM('active', 'quarantined', 'expired', 'recalled');
  CREATE TYPE "public"."enum_adjustments_lines_reason" AS ENUM('damage', 'shrinkage', 'found', 'spoilage', 'correction', 'opening-balance', 'count-variance');
  CREATE TYPE "public"."enum_adjustments_status" AS ENUM('draft', 'pending-approval', 'posted', 'rejected');
  CREATE TYPE "public"."enum_reservations_channel" AS ENUM('web', 'app', 'pos', 'marketplace', 'other');
  CREATE TYPE "public"."enum_reservations_status" AS ENUM('pending', 'reserved', 'partially-reserved', 'failed', 'allocated', 'fulfilled', 'released', 'expired');
  CREATE TYPE "public"."enum_stock_buckets_location_kind" AS ENUM('internal', 'quarantine', 'transit', 'supplier', 'customer', 'adjustment', 'scrap', 'production');
  CREATE TYPE "public"."enum_ledger_entries_movement_type" AS ENUM('receipt', 'issue', 'transfer-out', 'transfer-in', 'adjustment', 'count-variance', 'quarantine', 'release', 'scrap', 'return');
  CREATE TYPE "public"."enum_idempotency_records_state" AS ENUM('in-flight', 'completed');
  CREATE TYPE "public"."enum_purchase_orders_approvals_decision" AS ENUM('auto-approved', 'approved', 'rejected');
  CREATE TYPE "public"."enum_purchase_orders_status" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'sent', 'partially-received', 'received', 'closed', 'cancelled');
  CREATE TYPE "public"."enum_vendor_returns_lines_reason" AS ENUM('damaged', 'defective', 'wrong-item', 'expired', 'recalled', 'over-delivery', 'other');
  CREATE TYPE "public"."enum_vendor_returns_status" AS ENUM('draft', 'shipped');
  CREATE TYPE "public"."enum_requisitions_status" AS ENUM('open', 'ordered', 'cancelled');
  CREATE TYPE "public"."enum_transfers_lines_damage_reason" AS ENUM('damaged-in-transit', 'temperature-abuse', 'packaging', 'other');
  CREATE TYPE "public"."enum_transfers_lines_shortage_reason" AS ENUM('lost-in-transit', 'short-shipped', 'theft', 'other');
  CREATE TYPE "public"."enum_transfers_status" AS ENUM('draft', 'requested', 'approved', 'dispatched', 'partially-received', 'received', 'cancelled');
  CREATE TYPE "public"."enum_cycle_counts_lines_reason" AS ENUM('shrinkage', 'damage', 'found', 'miscount', 'unrecorded-usage');
  CREATE TYPE "public"."enum_cycle_counts_scope" AS ENUM('warehouse', 'location', 'items', 'due');
  CREATE TYPE "public"."enum_cycle_counts_status" AS ENUM('planned', 'counting', 'submitted', 'approved', 'posted', 'cancelled');
  CREATE TYPE "public"."enum_stock_holds_reason" AS ENUM('inspection', 'damaged', 'suspected-contamination', 'other');
  CREATE TYPE "public"."enum_stock_holds_status" AS ENUM('draft', 'on-hold', 'resolved', 'cancelled');
  CREATE TYPE "public"."enum_waste_entries_lines_reason" AS ENUM('expired', 'spoiled', 'overproduction', 'dropped', 'other');
  CREATE TYPE "public"."enum_waste_entries_status" AS ENUM('draft', 'posted');
  CREATE TYPE "public"."enum_serial_numbers_status" AS ENUM('in-stock', 'quarantined', 'in-transit', 'sold', 'consumed', 'returned', 'scrapped', 'written-off');
  CREATE TYPE "public"."enum_recalls_dispositions_action" AS ENUM('scrap', 'return', 'release');
  CREATE TYPE "public"."enum_recalls_severity" AS ENUM('class-I', 'class-II', 'class-III');
  CREATE TYPE "public"."enum_recalls_status" AS ENUM('initiated', 'contained', 'notified', 'closed');
  CREATE TYPE "public"."enum_cost_layers_method" AS ENUM('fifo', 'weighted-average');
  CREATE TYPE "public"."enum_webhook_deliveries_trigger" AS ENUM('event', 'resend', 'replay');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('pending', 'succeeded', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_inbound_events_status" AS ENUM('processed', 'rejected');
  CREATE TYPE "public"."enum_reorder_alerts_basis" AS ENUM('rule', 'threshold');
  CREATE TYPE "public"."enum_reorder_alerts_status" AS ENUM('open', 'acknowledged', 'resolved');
  CREATE TYPE "public"."enum_reorder_alerts_resolution" AS ENUM('recovered', 'manual', 'rule-changed');
  CREATE TYPE "public"."enum_import_jobs_kind" AS ENUM('items', 'warehouses', 'opening-stock', 'stock-counts', 'suppliers', 'reorder-rules', 'po-lines');
  CREATE TYPE "public"."enum_import_jobs_mode" AS ENUM('dry-run', 'commit');
  CREATE TYPE "public"."enum_import_jobs_existing" AS ENUM('update', 'create-only');
  CREATE TYPE "public"."enum_import_jobs_status" AS ENUM('queued', 'validating', 'ready', 'committing', 'done', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_import_row_errors_phase" AS ENUM('validate', 'commit');
  CREATE TYPE "public"."enum_export_jobs_kind" AS ENUM('items', 'stock-levels', 'ledger', 'movements', 'valuation', 'purchase-orders', 'reorder-alerts');
  CREATE TYPE "public"."enum_export_jobs_status" AS ENUM('queued', 'running', 'done', 'failed', 'cancelled', 'expired');
  CREATE TYPE "public"."enum_export_schedules_kind" AS ENUM('items', 'stock-levels', 'ledger', 'movements', 'valuation', 'purchase-orders', 'reorder-alerts');
  CREATE TYPE "public"."enum_export_schedules_frequency" AS ENUM('daily', 'weekly');
  CREATE TABLE "tenants" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"status" "enum_tenants_status" DEFAULT 'active' NOT NULL,
  	"plan_id" integer,
  	"settings_currency" varchar DEFAULT 'USD' NOT NULL,
  	"settings_timezone" varchar DEFAULT 'UTC' NOT NULL,
  	"settings_costing_method" "enum_tenants_settings_costing_method" DEFAULT 'fifo' NOT NULL,
  	"settings_reservation_ttl_minutes" numeric DEFAULT 15 NOT NULL,
  	"settings_adjustment_approval_threshold" numeric DEFAULT 500 NOT NULL,
  	"settings_po_auto_approve_threshold" numeric DEFAULT 1000 NOT NULL,
  	"settings_po_second_approval_threshold" numeric,
  	"settings_po_over_receipt_tolerance_percent" numeric DEFAULT 0 NOT NULL,
  	"settings_low_stock_threshold_percent" numeric DEFAULT 20 NOT NULL,
  	"settings_transfer_approval_required" boolean DEFAULT false,
  	"settings_count_frequency_days" numeric DEFAULT 30 NOT NULL,
  	"settings_count_variance_approval_threshold" numeric DEFAULT 500 NOT NULL,
  	"settings_expiry_alert_days" numeric DEFAULT 7 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	CONSTRAINT "tenants_slug_format" CHECK ("tenants"."slug" ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
  	CONSTRAINT "tenants_reservation_ttl_positive" CHECK ("tenants"."settings_reservation_ttl_minutes" > 0)
  );
  
  CREATE TABLE "users_notifications_kinds" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_users_notifications_kinds_kind" NOT NULL,
  	"delivery" "enum_users_notifications_kinds_delivery" DEFAULT 'immediate' NOT NULL
  );
  
  CREATE TABLE "users_tenants_roles" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_users_tenants_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_tenants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"approval_limit" numeric
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"is_super_admin" boolean DEFAULT false,
  	"notifications_default_delivery" "enum_users_notifications_default_delivery" DEFAULT 'immediate' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "plans_features" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_plans_features",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"limits_warehouses" numeric,
  	"limits_active_items" numeric,
  	"limits_users" numeric,
  	"limits_api_calls_per_month" numeric,
  	"limits_webhook_endpoints" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "items_packagings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"quantity" numeric NOT NULL,
  	"barcode" varchar
  );
  
  CREATE TABLE "items_barcodes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL
  );
  
  CREATE TABLE "items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"sku" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"description" jsonb,
  	"category" varchar,
  	"base_unit" "enum_items_base_unit" DEFAULT 'each' NOT NULL,
  	"unit_precision" numeric DEFAULT 0 NOT NULL,
  	"track_inventory" boolean DEFAULT true,
  	"is_lot_tracked" boolean DEFAULT false,
  	"is_serial_tracked" boolean DEFAULT false,
  	"shelf_life_days" numeric,
  	"standard_cost" numeric,
  	"costing_method" "enum_items_costing_method",
  	"external_product_id" varchar,
  	"active" boolean DEFAULT true,
  	"count_frequency_days" numeric,
  	"last_counted_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "warehouses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"type" "enum_warehouses_type" DEFAULT 'store' NOT NULL,
  	"parent_id" integer,
  	"address_line1" varchar,
  	"address_city" varchar,
  	"address_country" varchar,
  	"fulfilment_priority" numeric DEFAULT 100 NOT NULL,
  	"external_id" varchar,
  	"active" boolean DEFAULT true,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "locations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_locations_kind" DEFAULT 'internal' NOT NULL,
  	"warehouse_id" integer,
  	"parent_id" integer,
  	"path" varchar,
  	"temperature_class" "enum_locations_temperature_class" DEFAULT 'ambient',
  	"is_system" boolean DEFAULT false,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"lot_number" varchar NOT NULL,
  	"expiry_date" timestamp(3) with time zone,
  	"best_before" timestamp(3) with time zone,
  	"manufactured_date" timestamp(3) with time zone,
  	"supplier_id" integer,
  	"supplier_lot" varchar,
  	"status" "enum_lots_status" DEFAULT 'active' NOT NULL,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "adjustments_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"reason" "enum_adjustments_lines_reason" NOT NULL,
  	"location_id" integer,
  	"lot_id" integer,
  	"unit_cost" numeric
  );
  
  CREATE TABLE "adjustments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"warehouse_id" integer NOT NULL,
  	"note" varchar,
  	"status" "enum_adjustments_status" DEFAULT 'draft' NOT NULL,
  	"value_at_cost" numeric,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"approved_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"rejection_reason" varchar,
  	"posted_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reservations_lines_allocations" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"fulfilled_quantity" numeric,
  	"reason" varchar,
  	"components" jsonb
  );
  
  CREATE TABLE "reservations_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"warehouse_id" integer,
  	"reserved_quantity" numeric,
  	"fulfilled_quantity" numeric,
  	"bom_id" integer
  );
  
  CREATE TABLE "reservations_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar,
  	"to" varchar NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user_id" integer,
  	"note" varchar
  );
  
  CREATE TABLE "reservations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"external_order_id" varchar,
  	"channel" "enum_reservations_channel" DEFAULT 'web' NOT NULL,
  	"allow_partial" boolean DEFAULT false,
  	"single_warehouse" boolean DEFAULT false,
  	"status" "enum_reservations_status" DEFAULT 'pending' NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"idempotency_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "stock_levels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"on_hand" numeric DEFAULT 0 NOT NULL,
  	"quarantined" numeric DEFAULT 0 NOT NULL,
  	"reserved" numeric DEFAULT 0 NOT NULL,
  	"in_transit" numeric DEFAULT 0 NOT NULL,
  	"on_order" numeric DEFAULT 0 NOT NULL,
  	"available" numeric DEFAULT 0 NOT NULL,
  	CONSTRAINT "stock_levels_non_negative" CHECK ("stock_levels"."on_hand" >= 0 AND "stock_levels"."quarantined" >= 0 AND "stock_levels"."reserved" >= 0 AND "stock_levels"."in_transit" >= 0 AND "stock_levels"."on_order" >= 0 AND "stock_levels"."available" >= 0),
  	CONSTRAINT "stock_levels_quarantine_within_on_hand" CHECK ("stock_levels"."quarantined" <= "stock_levels"."on_hand")
  );
  
  CREATE TABLE "stock_buckets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"location_id" integer NOT NULL,
  	"lot_id" integer,
  	"warehouse_id" integer,
  	"location_kind" "enum_stock_buckets_location_kind" NOT NULL,
  	"quantity" numeric DEFAULT 0 NOT NULL,
  	CONSTRAINT "stock_buckets_item_location_lot" UNIQUE("item_id","location_id","lot_id"),
  	CONSTRAINT "stock_buckets_non_negative" CHECK ("stock_buckets"."quantity" >= 0 OR "stock_buckets"."location_kind"::text IN ('supplier', 'customer', 'adjustment', 'scrap', 'production'))
  );
  
  CREATE TABLE "ledger_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"lot_id" integer,
  	"quantity" numeric NOT NULL,
  	"from_location_id" integer NOT NULL,
  	"to_location_id" integer NOT NULL,
  	"from_warehouse_id" integer,
  	"to_warehouse_id" integer,
  	"unit_cost" numeric,
  	"movement_type" "enum_ledger_entries_movement_type" NOT NULL,
  	"reason_code" varchar,
  	"source_collection" varchar,
  	"source_id" varchar,
  	"reference" varchar,
  	"qty_before_from" numeric,
  	"qty_after_from" numeric,
  	"qty_before_to" numeric,
  	"qty_after_to" numeric,
  	"actor_id" integer,
  	"idempotency_key" varchar NOT NULL,
  	"line_no" numeric NOT NULL,
  	"request_hash" varchar NOT NULL,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"total_cost" numeric,
  	"booked_at" timestamp(3) with time zone,
  	"hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	CONSTRAINT "ledger_entries_quantity_positive" CHECK ("ledger_entries"."quantity" > 0),
  	CONSTRAINT "ledger_entries_distinct_locations" CHECK ("ledger_entries"."from_location_id" <> "ledger_entries"."to_location_id")
  );
  
  CREATE TABLE "ledger_seals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from_entry_id" numeric NOT NULL,
  	"to_entry_id" numeric NOT NULL,
  	"entry_count" numeric NOT NULL,
  	"root_hash" varchar NOT NULL,
  	"previous_seal_hash" varchar,
  	"seal_hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "suppliers_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar,
  	"phone" varchar
  );
  
  CREATE TABLE "suppliers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"payment_terms" varchar,
  	"lead_time_days" numeric DEFAULT 7,
  	"active" boolean DEFAULT true,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "idempotency_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"scope" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"request_hash" varchar NOT NULL,
  	"state" "enum_idempotency_records_state" NOT NULL,
  	"response_status" numeric,
  	"response_body" jsonb,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "document_sequences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"value" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "outbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"event_type" varchar NOT NULL,
  	"aggregate_key" varchar,
  	"payload" jsonb NOT NULL,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"dispatched_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "usage_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"day" varchar NOT NULL,
  	"api_calls" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	CONSTRAINT "usage_counters_day_format" CHECK ("usage_counters"."day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  	CONSTRAINT "usage_counters_api_calls_non_negative" CHECK ("usage_counters"."api_calls" >= 0)
  );
  
  CREATE TABLE "supplier_items_price_breaks" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"min_quantity" numeric NOT NULL,
  	"unit_price" numeric NOT NULL
  );
  
  CREATE TABLE "supplier_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"supplier_id" integer NOT NULL,
  	"item_id" integer NOT NULL,
  	"supplier_sku" varchar,
  	"pack_size" numeric DEFAULT 1 NOT NULL,
  	"purchase_unit" varchar,
  	"minimum_order_quantity" numeric,
  	"unit_price" numeric NOT NULL,
  	"valid_from" timestamp(3) with time zone,
  	"valid_to" timestamp(3) with time zone,
  	"lead_time_days" numeric,
  	"is_preferred" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "purchase_orders_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"pack_size" numeric,
  	"unit_price" numeric,
  	"purchase_unit" varchar,
  	"supplier_sku" varchar,
  	"catalogue_price" numeric,
  	"line_total" numeric,
  	"received_quantity" numeric DEFAULT 0
  );
  
  CREATE TABLE "purchase_orders_approvals" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"decision" "enum_purchase_orders_approvals_decision" NOT NULL,
  	"user_id" integer,
  	"at" timestamp(3) with time zone NOT NULL,
  	"comment" varchar
  );
  
  CREATE TABLE "purchase_orders_sends" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"by_id" integer,
  	"to" varchar NOT NULL
  );
  
  CREATE TABLE "purchase_orders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"supplier_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"expected_date" timestamp(3) with time zone,
  	"currency" varchar,
  	"notes" varchar,
  	"subtotal" numeric,
  	"total" numeric,
  	"status" "enum_purchase_orders_status" DEFAULT 'draft' NOT NULL,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"approved_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"received_at" timestamp(3) with time zone,
  	"closed_at" timestamp(3) with time zone,
  	"cancellation_reason" varchar,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "goods_receipts_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"base_quantity" numeric,
  	"unit_cost" numeric,
  	"lot_id" integer,
  	"lot_number" varchar,
  	"expiry_date" timestamp(3) with time zone,
  	"location_id" integer,
  	"purchase_order_line" varchar
  );
  
  CREATE TABLE "goods_receipts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"purchase_order_id" integer,
  	"supplier_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"delivery_note_number" varchar,
  	"received_by_id" integer,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"notes" varchar,
  	"idempotency_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "vendor_returns_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"lot_id" integer,
  	"quantity" numeric NOT NULL,
  	"reason" "enum_vendor_returns_lines_reason" DEFAULT 'damaged' NOT NULL,
  	"location_id" integer,
  	"unit_cost" numeric
  );
  
  CREATE TABLE "vendor_returns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"supplier_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"purchase_order_id" integer,
  	"notes" varchar,
  	"status" "enum_vendor_returns_status" DEFAULT 'draft' NOT NULL,
  	"credit_expected" numeric,
  	"shipped_by_id" integer,
  	"shipped_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "requisitions_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"supplier_id" integer
  );
  
  CREATE TABLE "requisitions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"warehouse_id" integer NOT NULL,
  	"needed_by" timestamp(3) with time zone,
  	"notes" varchar,
  	"status" "enum_requisitions_status" DEFAULT 'open' NOT NULL,
  	"ordered_by_id" integer,
  	"ordered_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "requisitions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"purchase_orders_id" integer
  );
  
  CREATE TABLE "transfers_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"lot_id" integer,
  	"quantity" numeric NOT NULL,
  	"dispatched_quantity" numeric,
  	"received_quantity" numeric,
  	"damaged_quantity" numeric,
  	"short_quantity" numeric,
  	"damage_reason" "enum_transfers_lines_damage_reason",
  	"shortage_reason" "enum_transfers_lines_shortage_reason"
  );
  
  CREATE TABLE "transfers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"from_warehouse_id" integer NOT NULL,
  	"from_location_id" integer,
  	"to_warehouse_id" integer NOT NULL,
  	"to_location_id" integer,
  	"expected_arrival" timestamp(3) with time zone,
  	"notes" varchar,
  	"status" "enum_transfers_status" DEFAULT 'draft' NOT NULL,
  	"is_approval_required" boolean,
  	"requested_by_id" integer,
  	"requested_at" timestamp(3) with time zone,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"dispatched_by_id" integer,
  	"dispatched_at" timestamp(3) with time zone,
  	"received_by_id" integer,
  	"last_received_at" timestamp(3) with time zone,
  	"receipt_count" numeric DEFAULT 0,
  	"completed_at" timestamp(3) with time zone,
  	"cancelled_by_id" integer,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancel_reason" varchar,
  	"close_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cycle_counts_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"location_id" integer NOT NULL,
  	"item_id" integer NOT NULL,
  	"lot_id" integer,
  	"snapshot_quantity" numeric,
  	"movements_since_snapshot" numeric,
  	"expected_quantity" numeric,
  	"counted_quantity" numeric,
  	"variance" numeric,
  	"reason" "enum_cycle_counts_lines_reason",
  	"unit_cost" numeric,
  	"variance_value" numeric,
  	"counted_by_id" integer,
  	"counted_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "cycle_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"warehouse_id" integer NOT NULL,
  	"scope" "enum_cycle_counts_scope" DEFAULT 'warehouse' NOT NULL,
  	"scope_location_id" integer,
  	"is_blind" boolean DEFAULT false,
  	"notes" varchar,
  	"status" "enum_cycle_counts_status" DEFAULT 'planned' NOT NULL,
  	"total_variance_value" numeric,
  	"is_approval_required" boolean,
  	"snapshot_at" timestamp(3) with time zone,
  	"started_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"recount_note" varchar,
  	"posted_by_id" integer,
  	"posted_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancel_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cycle_counts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"items_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "stock_holds_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"lot_id" integer,
  	"quantity" numeric NOT NULL,
  	"released_quantity" numeric,
  	"scrapped_quantity" numeric
  );
  
  CREATE TABLE "stock_holds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"warehouse_id" integer NOT NULL,
  	"reason" "enum_stock_holds_reason" NOT NULL,
  	"location_id" integer,
  	"quarantine_location_id" integer,
  	"notes" varchar,
  	"status" "enum_stock_holds_status" DEFAULT 'draft' NOT NULL,
  	"placed_by_id" integer,
  	"placed_at" timestamp(3) with time zone,
  	"resolution_count" numeric DEFAULT 0,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "waste_entries_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"reason" "enum_waste_entries_lines_reason" NOT NULL,
  	"lot_id" integer
  );
  
  CREATE TABLE "waste_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"warehouse_id" integer NOT NULL,
  	"location_id" integer,
  	"notes" varchar,
  	"status" "enum_waste_entries_status" DEFAULT 'draft' NOT NULL,
  	"posted_by_id" integer,
  	"posted_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "serial_numbers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"serial" varchar NOT NULL,
  	"lot_id" integer,
  	"current_location_id" integer,
  	"warehouse_id" integer,
  	"status" "enum_serial_numbers_status" DEFAULT 'in-stock' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "serial_movements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"serial_number_id" integer NOT NULL,
  	"ledger_entry_id" integer NOT NULL,
  	"item_id" integer NOT NULL,
  	"from_location_id" integer NOT NULL,
  	"to_location_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recalls_dispositions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"lot_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"action" "enum_recalls_dispositions_action" NOT NULL,
  	"quantity" numeric NOT NULL,
  	"justification" varchar,
  	"is_applied" boolean,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user_id" integer
  );
  
  CREATE TABLE "recalls_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar,
  	"to" varchar NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user_id" integer,
  	"note" varchar
  );
  
  CREATE TABLE "recalls" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"reference" varchar,
  	"supplier_reference" varchar,
  	"reason" varchar NOT NULL,
  	"severity" "enum_recalls_severity" NOT NULL,
  	"item_id" integer,
  	"produced_from" timestamp(3) with time zone,
  	"produced_to" timestamp(3) with time zone,
  	"expiry_from" timestamp(3) with time zone,
  	"expiry_to" timestamp(3) with time zone,
  	"status" "enum_recalls_status" DEFAULT 'initiated' NOT NULL,
  	"notified_at" timestamp(3) with time zone,
  	"closed_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recalls_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"lots_id" integer
  );
  
  CREATE TABLE "cost_layers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"method" "enum_cost_layers_method" NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"unit_cost" numeric,
  	"quantity" numeric NOT NULL,
  	"remaining" numeric NOT NULL,
  	"remaining_value" numeric NOT NULL,
  	"ledger_entry_id" numeric,
  	"is_open" boolean GENERATED ALWAYS AS ("remaining" > 0) STORED,
  	CONSTRAINT "cost_layers_non_negative" CHECK ("cost_layers"."remaining" >= 0 AND "cost_layers"."remaining_value" >= 0)
  );
  
  CREATE TABLE "valuation_snapshots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"as_of" timestamp(3) with time zone NOT NULL,
  	"item_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"value" numeric NOT NULL
  );
  
  CREATE TABLE "webhook_endpoints" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"url" varchar NOT NULL,
  	"description" varchar,
  	"active" boolean DEFAULT true,
  	"disabled_reason" varchar,
  	"disabled_at" timestamp(3) with time zone,
  	"secret_hint" varchar,
  	"secret_sealed" varchar,
  	"previous_secret_sealed" varchar,
  	"previous_secret_expires_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_endpoints_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"endpoint_id" integer NOT NULL,
  	"event_id" numeric NOT NULL,
  	"event_type" varchar NOT NULL,
  	"aggregate_key" varchar,
  	"trigger" "enum_webhook_deliveries_trigger" DEFAULT 'event' NOT NULL,
  	"status" "enum_webhook_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempt_count" numeric DEFAULT 0 NOT NULL,
  	"next_attempt_at" timestamp(3) with time zone,
  	"last_attempt_at" timestamp(3) with time zone,
  	"last_response_code" numeric,
  	"last_duration_ms" numeric,
  	"last_error" varchar,
  	"attempts" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_sources" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"secret_hint" varchar,
  	"secret_sealed" varchar,
  	"previous_secret_sealed" varchar,
  	"previous_secret_expires_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "inbound_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"event_id" varchar NOT NULL,
  	"event_type" varchar NOT NULL,
  	"source_id" integer,
  	"status" "enum_inbound_events_status" NOT NULL,
  	"response_status" numeric,
  	"result" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reorder_rules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"item_id" integer NOT NULL,
  	"warehouse_id" integer,
  	"scope_key" varchar,
  	"reorder_point" numeric,
  	"reorder_quantity" numeric,
  	"safety_stock" numeric,
  	"min_quantity" numeric,
  	"max_quantity" numeric,
  	"lead_time_days" numeric DEFAULT 7 NOT NULL,
  	"review_period_days" numeric,
  	"annual_demand" numeric,
  	"order_cost" numeric,
  	"holding_cost_percent" numeric,
  	"unit_cost" numeric,
  	"eoq" numeric,
  	"is_dynamic" boolean DEFAULT false,
  	"usage_window_days" numeric DEFAULT 30,
  	"average_daily_usage" numeric,
  	"dynamic_reorder_point" numeric,
  	"dynamic_computed_at" timestamp(3) with time zone,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reorder_alerts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"title" varchar,
  	"item_id" integer NOT NULL,
  	"warehouse_id" integer NOT NULL,
  	"rule_id" integer,
  	"basis" "enum_reorder_alerts_basis" DEFAULT 'rule' NOT NULL,
  	"available" numeric,
  	"on_order" numeric,
  	"reorder_point" numeric,
  	"suggested_quantity" numeric,
  	"available_at_open" numeric,
  	"status" "enum_reorder_alerts_status" DEFAULT 'open' NOT NULL,
  	"resolution" "enum_reorder_alerts_resolution",
  	"opened_at" timestamp(3) with time zone NOT NULL,
  	"acknowledged_by_id" integer,
  	"acknowledged_at" timestamp(3) with time zone,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"purchase_order_ref" varchar,
  	"note" varchar,
  	"open_key" varchar,
  	"holds_until_recovery" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_digest_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"tenant_id" integer NOT NULL,
  	"kind" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"content" jsonb NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "import_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_import_jobs_kind" NOT NULL,
  	"mode" "enum_import_jobs_mode" DEFAULT 'dry-run' NOT NULL,
  	"existing" "enum_import_jobs_existing" DEFAULT 'update' NOT NULL,
  	"mapping" jsonb,
  	"status" "enum_import_jobs_status" DEFAULT 'queued' NOT NULL,
  	"percent" numeric,
  	"rows_total" numeric,
  	"rows_processed" numeric,
  	"committed_chunks" numeric,
  	"headers" jsonb,
  	"planned" jsonb,
  	"applied" jsonb,
  	"preview" jsonb,
  	"documents" jsonb,
  	"error_code" varchar,
  	"error_message" varchar,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "import_row_errors" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"import_job_id" integer,
  	"row_number" numeric NOT NULL,
  	"column_name" varchar,
  	"value" varchar,
  	"code" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"cells" jsonb,
  	"phase" "enum_import_row_errors_phase" DEFAULT 'validate' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "export_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_export_jobs_kind" NOT NULL,
  	"filters_warehouse_id" integer,
  	"filters_category" varchar,
  	"filters_from" timestamp(3) with time zone,
  	"filters_to" timestamp(3) with time zone,
  	"notify_requester" boolean DEFAULT true,
  	"status" "enum_export_jobs_status" DEFAULT 'queued' NOT NULL,
  	"percent" numeric,
  	"rows_total" numeric,
  	"rows_written" numeric,
  	"file_name" varchar,
  	"file_size" numeric,
  	"expires_at" timestamp(3) with time zone,
  	"schedule_id" numeric,
  	"error_code" varchar,
  	"error_message" varchar,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "export_schedules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_export_schedules_kind" NOT NULL,
  	"filters_warehouse_id" integer,
  	"filters_category" varchar,
  	"lookback_days" numeric DEFAULT 1,
  	"frequency" "enum_export_schedules_frequency" DEFAULT 'daily' NOT NULL,
  	"weekday" numeric,
  	"time_of_day" varchar DEFAULT '06:00' NOT NULL,
  	"is_emailed" boolean DEFAULT true,
  	"active" boolean DEFAULT true,
  	"next_run_at" timestamp(3) with time zone,
  	"last_run_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "boms_components" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"waste_percent" numeric DEFAULT 0,
  	CONSTRAINT "boms_components_quantity_positive" CHECK ("boms_components"."quantity" > 0 AND coalesce("boms_components"."waste_percent", 0) >= 0)
  );
  
  CREATE TABLE "boms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"output_item_id" integer NOT NULL,
  	"yield_quantity" numeric DEFAULT 1 NOT NULL,
  	"active" boolean DEFAULT true,
  	"version" numeric,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	CONSTRAINT "boms_yield_positive" CHECK ("boms"."yield_quantity" > 0)
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"tenants_id" integer,
  	"users_id" integer,
  	"plans_id" integer,
  	"items_id" integer,
  	"warehouses_id" integer,
  	"locations_id" integer,
  	"lots_id" integer,
  	"adjustments_id" integer,
  	"reservations_id" integer,
  	"stock_levels_id" integer,
  	"stock_buckets_id" integer,
  	"ledger_entries_id" integer,
  	"ledger_seals_id" integer,
  	"suppliers_id" integer,
  	"idempotency_records_id" integer,
  	"document_sequences_id" integer,
  	"outbox_id" integer,
  	"usage_counters_id" integer,
  	"supplier_items_id" integer,
  	"purchase_orders_id" integer,
  	"goods_receipts_id" integer,
  	"vendor_returns_id" integer,
  	"requisitions_id" integer,
  	"transfers_id" integer,
  	"cycle_counts_id" integer,
  	"stock_holds_id" integer,
  	"waste_entries_id" integer,
  	"serial_numbers_id" integer,
  	"serial_movements_id" integer,
  	"recalls_id" integer,
  	"cost_layers_id" integer,
  	"valuation_snapshots_id" integer,
  	"webhook_endpoints_id" integer,
  	"webhook_deliveries_id" integer,
  	"event_sources_id" integer,
  	"inbound_events_id" integer,
  	"reorder_rules_id" integer,
  	"reorder_alerts_id" integer,
  	"notification_digest_entries_id" integer,
  	"import_jobs_id" integer,
  	"import_row_errors_id" integer,
  	"export_jobs_id" integer,
  	"export_schedules_id" integer,
  	"boms_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD CONSTRAINT "tenants_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_notifications_kinds" ADD CONSTRAINT "users_notifications_kinds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_tenants_roles" ADD CONSTRAINT "users_tenants_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users_tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_tenants" ADD CONSTRAINT "users_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_tenants" ADD CONSTRAINT "users_tenants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_features" ADD CONSTRAINT "plans_features_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "items_packagings" ADD CONSTRAINT "items_packagings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "items_barcodes" ADD CONSTRAINT "items_barcodes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "items" ADD CONSTRAINT "items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "items" ADD CONSTRAINT "items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_parent_id_warehouses_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "locations" ADD CONSTRAINT "locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "locations" ADD CONSTRAINT "locations_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_locations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lots" ADD CONSTRAINT "lots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lots" ADD CONSTRAINT "lots_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lots" ADD CONSTRAINT "lots_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments_lines" ADD CONSTRAINT "adjustments_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments_lines" ADD CONSTRAINT "adjustments_lines_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments_lines" ADD CONSTRAINT "adjustments_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments_lines" ADD CONSTRAINT "adjustments_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."adjustments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations_lines_allocations" ADD CONSTRAINT "reservations_lines_allocations_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations_lines_allocations" ADD CONSTRAINT "reservations_lines_allocations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reservations_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reservations_lines" ADD CONSTRAINT "reservations_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations_lines" ADD CONSTRAINT "reservations_lines_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations_lines" ADD CONSTRAINT "reservations_lines_bom_id_boms_id_fk" FOREIGN KEY ("bom_id") REFERENCES "public"."boms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations_lines" ADD CONSTRAINT "reservations_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reservations_history" ADD CONSTRAINT "reservations_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations_history" ADD CONSTRAINT "reservations_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_buckets" ADD CONSTRAINT "stock_buckets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_buckets" ADD CONSTRAINT "stock_buckets_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_buckets" ADD CONSTRAINT "stock_buckets_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_buckets" ADD CONSTRAINT "stock_buckets_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_buckets" ADD CONSTRAINT "stock_buckets_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_from_location_id_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_to_location_id_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_from_warehouse_id_warehouses_id_fk" FOREIGN KEY ("from_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "suppliers_contacts" ADD CONSTRAINT "suppliers_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "document_sequences" ADD CONSTRAINT "document_sequences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "outbox" ADD CONSTRAINT "outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "supplier_items_price_breaks" ADD CONSTRAINT "supplier_items_price_breaks_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."supplier_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "supplier_items" ADD CONSTRAINT "supplier_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "supplier_items" ADD CONSTRAINT "supplier_items_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "supplier_items" ADD CONSTRAINT "supplier_items_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders_lines" ADD CONSTRAINT "purchase_orders_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders_lines" ADD CONSTRAINT "purchase_orders_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."purchase_orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "purchase_orders_approvals" ADD CONSTRAINT "purchase_orders_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders_approvals" ADD CONSTRAINT "purchase_orders_approvals_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."purchase_orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "purchase_orders_sends" ADD CONSTRAINT "purchase_orders_sends_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders_sends" ADD CONSTRAINT "purchase_orders_sends_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."purchase_orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts_lines" ADD CONSTRAINT "goods_receipts_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts_lines" ADD CONSTRAINT "goods_receipts_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts_lines" ADD CONSTRAINT "goods_receipts_lines_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts_lines" ADD CONSTRAINT "goods_receipts_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."goods_receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_purchase_order_id_purchase_orders_id_fk" FOREIGN KEY ("purchase_order_id") REFERENCES "public"."purchase_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_received_by_id_users_id_fk" FOREIGN KEY ("received_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns_lines" ADD CONSTRAINT "vendor_returns_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns_lines" ADD CONSTRAINT "vendor_returns_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns_lines" ADD CONSTRAINT "vendor_returns_lines_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns_lines" ADD CONSTRAINT "vendor_returns_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."vendor_returns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "vendor_returns" ADD CONSTRAINT "vendor_returns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns" ADD CONSTRAINT "vendor_returns_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns" ADD CONSTRAINT "vendor_returns_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns" ADD CONSTRAINT "vendor_returns_purchase_order_id_purchase_orders_id_fk" FOREIGN KEY ("purchase_order_id") REFERENCES "public"."purchase_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns" ADD CONSTRAINT "vendor_returns_shipped_by_id_users_id_fk" FOREIGN KEY ("shipped_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vendor_returns" ADD CONSTRAINT "vendor_returns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions_lines" ADD CONSTRAINT "requisitions_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions_lines" ADD CONSTRAINT "requisitions_lines_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions_lines" ADD CONSTRAINT "requisitions_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_ordered_by_id_users_id_fk" FOREIGN KEY ("ordered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "requisitions_rels" ADD CONSTRAINT "requisitions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "requisitions_rels" ADD CONSTRAINT "requisitions_rels_purchase_orders_fk" FOREIGN KEY ("purchase_orders_id") REFERENCES "public"."purchase_orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "transfers_lines" ADD CONSTRAINT "transfers_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers_lines" ADD CONSTRAINT "transfers_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers_lines" ADD CONSTRAINT "transfers_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_warehouse_id_warehouses_id_fk" FOREIGN KEY ("from_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_location_id_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_location_id_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_dispatched_by_id_users_id_fk" FOREIGN KEY ("dispatched_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_received_by_id_users_id_fk" FOREIGN KEY ("received_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts_lines" ADD CONSTRAINT "cycle_counts_lines_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts_lines" ADD CONSTRAINT "cycle_counts_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts_lines" ADD CONSTRAINT "cycle_counts_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts_lines" ADD CONSTRAINT "cycle_counts_lines_counted_by_id_users_id_fk" FOREIGN KEY ("counted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts_lines" ADD CONSTRAINT "cycle_counts_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cycle_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_scope_location_id_locations_id_fk" FOREIGN KEY ("scope_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_posted_by_id_users_id_fk" FOREIGN KEY ("posted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cycle_counts_rels" ADD CONSTRAINT "cycle_counts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cycle_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cycle_counts_rels" ADD CONSTRAINT "cycle_counts_rels_items_fk" FOREIGN KEY ("items_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cycle_counts_rels" ADD CONSTRAINT "cycle_counts_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stock_holds_lines" ADD CONSTRAINT "stock_holds_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds_lines" ADD CONSTRAINT "stock_holds_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds_lines" ADD CONSTRAINT "stock_holds_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stock_holds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stock_holds" ADD CONSTRAINT "stock_holds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds" ADD CONSTRAINT "stock_holds_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds" ADD CONSTRAINT "stock_holds_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds" ADD CONSTRAINT "stock_holds_quarantine_location_id_locations_id_fk" FOREIGN KEY ("quarantine_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds" ADD CONSTRAINT "stock_holds_placed_by_id_users_id_fk" FOREIGN KEY ("placed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stock_holds" ADD CONSTRAINT "stock_holds_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waste_entries_lines" ADD CONSTRAINT "waste_entries_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waste_entries_lines" ADD CONSTRAINT "waste_entries_lines_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waste_entries_lines" ADD CONSTRAINT "waste_entries_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."waste_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "waste_entries" ADD CONSTRAINT "waste_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waste_entries" ADD CONSTRAINT "waste_entries_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waste_entries" ADD CONSTRAINT "waste_entries_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waste_entries" ADD CONSTRAINT "waste_entries_posted_by_id_users_id_fk" FOREIGN KEY ("posted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_current_location_id_locations_id_fk" FOREIGN KEY ("current_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_numbers" ADD CONSTRAINT "serial_numbers_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_movements" ADD CONSTRAINT "serial_movements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_movements" ADD CONSTRAINT "serial_movements_serial_number_id_serial_numbers_id_fk" FOREIGN KEY ("serial_number_id") REFERENCES "public"."serial_numbers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_movements" ADD CONSTRAINT "serial_movements_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_movements" ADD CONSTRAINT "serial_movements_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_movements" ADD CONSTRAINT "serial_movements_from_location_id_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "serial_movements" ADD CONSTRAINT "serial_movements_to_location_id_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls_dispositions" ADD CONSTRAINT "recalls_dispositions_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls_dispositions" ADD CONSTRAINT "recalls_dispositions_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls_dispositions" ADD CONSTRAINT "recalls_dispositions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls_dispositions" ADD CONSTRAINT "recalls_dispositions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recalls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recalls_history" ADD CONSTRAINT "recalls_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls_history" ADD CONSTRAINT "recalls_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recalls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recalls" ADD CONSTRAINT "recalls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls" ADD CONSTRAINT "recalls_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls" ADD CONSTRAINT "recalls_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recalls_rels" ADD CONSTRAINT "recalls_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."recalls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recalls_rels" ADD CONSTRAINT "recalls_rels_lots_fk" FOREIGN KEY ("lots_id") REFERENCES "public"."lots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cost_layers" ADD CONSTRAINT "cost_layers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cost_layers" ADD CONSTRAINT "cost_layers_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cost_layers" ADD CONSTRAINT "cost_layers_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "valuation_snapshots" ADD CONSTRAINT "valuation_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "valuation_snapshots" ADD CONSTRAINT "valuation_snapshots_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "valuation_snapshots" ADD CONSTRAINT "valuation_snapshots_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_endpoints_texts" ADD CONSTRAINT "webhook_endpoints_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_source_id_event_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."event_sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_rules" ADD CONSTRAINT "reorder_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_rules" ADD CONSTRAINT "reorder_rules_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_rules" ADD CONSTRAINT "reorder_rules_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_rule_id_reorder_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."reorder_rules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_digest_entries" ADD CONSTRAINT "notification_digest_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_digest_entries" ADD CONSTRAINT "notification_digest_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_row_errors" ADD CONSTRAINT "import_row_errors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_row_errors" ADD CONSTRAINT "import_row_errors_import_job_id_import_jobs_id_fk" FOREIGN KEY ("import_job_id") REFERENCES "public"."import_jobs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_filters_warehouse_id_warehouses_id_fk" FOREIGN KEY ("filters_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "export_schedules" ADD CONSTRAINT "export_schedules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "export_schedules" ADD CONSTRAINT "export_schedules_filters_warehouse_id_warehouses_id_fk" FOREIGN KEY ("filters_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "export_schedules" ADD CONSTRAINT "export_schedules_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "boms_components" ADD CONSTRAINT "boms_components_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "boms_components" ADD CONSTRAINT "boms_components_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."boms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "boms" ADD CONSTRAINT "boms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "boms" ADD CONSTRAINT "boms_output_item_id_items_id_fk" FOREIGN KEY ("output_item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tenants_fk" FOREIGN KEY ("tenants_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plans_fk" FOREIGN KEY ("plans_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_items_fk" FOREIGN KEY ("items_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_warehouses_fk" FOREIGN KEY ("warehouses_id") REFERENCES "public"."warehouses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_locations_fk" FOREIGN KEY ("locations_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lots_fk" FOREIGN KEY ("lots_id") REFERENCES "public"."lots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_adjustments_fk" FOREIGN KEY ("adjustments_id") REFERENCES "public"."adjustments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reservations_fk" FOREIGN KEY ("reservations_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stock_levels_fk" FOREIGN KEY ("stock_levels_id") REFERENCES "public"."stock_levels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stock_buckets_fk" FOREIGN KEY ("stock_buckets_id") REFERENCES "public"."stock_buckets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ledger_entries_fk" FOREIGN KEY ("ledger_entries_id") REFERENCES "public"."ledger_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ledger_seals_fk" FOREIGN KEY ("ledger_seals_id") REFERENCES "public"."ledger_seals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_suppliers_fk" FOREIGN KEY ("suppliers_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_idempotency_records_fk" FOREIGN KEY ("idempotency_records_id") REFERENCES "public"."idempotency_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_document_sequences_fk" FOREIGN KEY ("document_sequences_id") REFERENCES "public"."document_sequences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_outbox_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_usage_counters_fk" FOREIGN KEY ("usage_counters_id") REFERENCES "public"."usage_counters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_supplier_items_fk" FOREIGN KEY ("supplier_items_id") REFERENCES "public"."supplier_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_purchase_orders_fk" FOREIGN KEY ("purchase_orders_id") REFERENCES "public"."purchase_orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_goods_receipts_fk" FOREIGN KEY ("goods_receipts_id") REFERENCES "public"."goods_receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_vendor_returns_fk" FOREIGN KEY ("vendor_returns_id") REFERENCES "public"."vendor_returns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_requisitions_fk" FOREIGN KEY ("requisitions_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_transfers_fk" FOREIGN KEY ("transfers_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cycle_counts_fk" FOREIGN KEY ("cycle_counts_id") REFERENCES "public"."cycle_counts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stock_holds_fk" FOREIGN KEY ("stock_holds_id") REFERENCES "public"."stock_holds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_waste_entries_fk" FOREIGN KEY ("waste_entries_id") REFERENCES "public"."waste_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_serial_numbers_fk" FOREIGN KEY ("serial_numbers_id") REFERENCES "public"."serial_numbers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_serial_movements_fk" FOREIGN KEY ("serial_movements_id") REFERENCES "public"."serial_movements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recalls_fk" FOREIGN KEY ("recalls_id") REFERENCES "public"."recalls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cost_layers_fk" FOREIGN KEY ("cost_layers_id") REFERENCES "public"."cost_layers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_valuation_snapshots_fk" FOREIGN KEY ("valuation_snapshots_id") REFERENCES "public"."valuation_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_endpoints_fk" FOREIGN KEY ("webhook_endpoints_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk" FOREIGN KEY ("webhook_deliveries_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_sources_fk" FOREIGN KEY ("event_sources_id") REFERENCES "public"."event_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inbound_events_fk" FOREIGN KEY ("inbound_events_id") REFERENCES "public"."inbound_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reorder_rules_fk" FOREIGN KEY ("reorder_rules_id") REFERENCES "public"."reorder_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reorder_alerts_fk" FOREIGN KEY ("reorder_alerts_id") REFERENCES "public"."reorder_alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_digest_entries_fk" FOREIGN KEY ("notification_digest_entries_id") REFERENCES "public"."notification_digest_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_jobs_fk" FOREIGN KEY ("import_jobs_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_row_errors_fk" FOREIGN KEY ("import_row_errors_id") REFERENCES "public"."import_row_errors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_export_jobs_fk" FOREIGN KEY ("export_jobs_id") REFERENCES "public"."export_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_export_schedules_fk" FOREIGN KEY ("export_schedules_id") REFERENCES "public"."export_schedules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_boms_fk" FOREIGN KEY ("boms_id") REFERENCES "public"."boms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "tenants_slug_idx" ON "tenants" USING btree ("slug");
  CREATE INDEX "tenants_plan_idx" ON "tenants" USING btree ("plan_id");
  CREATE INDEX "tenants_updated_at_idx" ON "tenants" USING btree ("updated_at");
  CREATE INDEX "tenants_created_at_idx" ON "tenants" USING btree ("created_at");
  CREATE INDEX "users_notifications_kinds_order_idx" ON "users_notifications_kinds" USING btree ("_order");
  CREATE INDEX "users_notifications_kinds_parent_id_idx" ON "users_notifications_kinds" USING btree ("_parent_id");
  CREATE INDEX "users_tenants_roles_order_idx" ON "users_tenants_roles" USING btree ("order");
  CREATE INDEX "users_tenants_roles_parent_idx" ON "users_tenants_roles" USING btree ("parent_id");
  CREATE INDEX "users_tenants_order_idx" ON "users_tenants" USING btree ("_order");
  CREATE INDEX "users_tenants_parent_id_idx" ON "users_tenants" USING btree ("_parent_id");
  CREATE INDEX "users_tenants_tenant_idx" ON "users_tenants" USING btree ("tenant_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "plans_features_order_idx" ON "plans_features" USING btree ("order");
  CREATE INDEX "plans_features_parent_idx" ON "plans_features" USING btree ("parent_id");
  CREATE UNIQUE INDEX "plans_code_idx" ON "plans" USING btree ("code");
  CREATE INDEX "plans_updated_at_idx" ON "plans" USING btree ("updated_at");
  CREATE INDEX "plans_created_at_idx" ON "plans" USING btree ("created_at");
  CREATE INDEX "items_packagings_order_idx" ON "items_packagings" USING btree ("_order");
  CREATE INDEX "items_packagings_parent_id_idx" ON "items_packagings" USING btree ("_parent_id");
  CREATE INDEX "items_barcodes_order_idx" ON "items_barcodes" USING btree ("_order");
  CREATE INDEX "items_barcodes_parent_id_idx" ON "items_barcodes" USING btree ("_parent_id");
  CREATE INDEX "items_barcodes_code_idx" ON "items_barcodes" USING btree ("code");
  CREATE INDEX "items_tenant_idx" ON "items" USING btree ("tenant_id");
  CREATE INDEX "items_sku_idx" ON "items" USING btree ("sku");
  CREATE INDEX "items_category_idx" ON "items" USING btree ("category");
  CREATE INDEX "items_external_product_id_idx" ON "items" USING btree ("external_product_id");
  CREATE INDEX "items_created_by_idx" ON "items" USING btree ("created_by_id");
  CREATE INDEX "items_updated_at_idx" ON "items" USING btree ("updated_at");
  CREATE INDEX "items_created_at_idx" ON "items" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_sku_idx" ON "items" USING btree ("tenant_id","sku");
  CREATE INDEX "warehouses_tenant_idx" ON "warehouses" USING btree ("tenant_id");
  CREATE INDEX "warehouses_code_idx" ON "warehouses" USING btree ("code");
  CREATE INDEX "warehouses_parent_idx" ON "warehouses" USING btree ("parent_id");
  CREATE INDEX "warehouses_external_id_idx" ON "warehouses" USING btree ("external_id");
  CREATE INDEX "warehouses_created_by_idx" ON "warehouses" USING btree ("created_by_id");
  CREATE INDEX "warehouses_updated_at_idx" ON "warehouses" USING btree ("updated_at");
  CREATE INDEX "warehouses_created_at_idx" ON "warehouses" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_idx" ON "warehouses" USING btree ("tenant_id","code");
  CREATE INDEX "locations_tenant_idx" ON "locations" USING btree ("tenant_id");
  CREATE INDEX "locations_warehouse_idx" ON "locations" USING btree ("warehouse_id");
  CREATE INDEX "locations_parent_idx" ON "locations" USING btree ("parent_id");
  CREATE INDEX "locations_path_idx" ON "locations" USING btree ("path");
  CREATE INDEX "locations_updated_at_idx" ON "locations" USING btree ("updated_at");
  CREATE INDEX "locations_created_at_idx" ON "locations" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_path_idx" ON "locations" USING btree ("tenant_id","path");
  CREATE INDEX "lots_tenant_idx" ON "lots" USING btree ("tenant_id");
  CREATE INDEX "lots_item_idx" ON "lots" USING btree ("item_id");
  CREATE INDEX "lots_expiry_date_idx" ON "lots" USING btree ("expiry_date");
  CREATE INDEX "lots_manufactured_date_idx" ON "lots" USING btree ("manufactured_date");
  CREATE INDEX "lots_supplier_idx" ON "lots" USING btree ("supplier_id");
  CREATE INDEX "lots_supplier_lot_idx" ON "lots" USING btree ("supplier_lot");
  CREATE INDEX "lots_status_idx" ON "lots" USING btree ("status");
  CREATE INDEX "lots_updated_at_idx" ON "lots" USING btree ("updated_at");
  CREATE INDEX "lots_created_at_idx" ON "lots" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_item_lotNumber_idx" ON "lots" USING btree ("tenant_id","item_id","lot_number");
  CREATE INDEX "adjustments_lines_order_idx" ON "adjustments_lines" USING btree ("_order");
  CREATE INDEX "adjustments_lines_parent_id_idx" ON "adjustments_lines" USING btree ("_parent_id");
  CREATE INDEX "adjustments_lines_item_idx" ON "adjustments_lines" USING btree ("item_id");
  CREATE INDEX "adjustments_lines_location_idx" ON "adjustments_lines" USING btree ("location_id");
  CREATE INDEX "adjustments_lines_lot_idx" ON "adjustments_lines" USING btree ("lot_id");
  CREATE INDEX "adjustments_tenant_idx" ON "adjustments" USING btree ("tenant_id");
  CREATE INDEX "adjustments_number_idx" ON "adjustments" USING btree ("number");
  CREATE INDEX "adjustments_warehouse_idx" ON "adjustments" USING btree ("warehouse_id");
  CREATE INDEX "adjustments_status_idx" ON "adjustments" USING btree ("status");
  CREATE INDEX "adjustments_submitted_by_idx" ON "adjustments" USING btree ("submitted_by_id");
  CREATE INDEX "adjustments_approved_by_idx" ON "adjustments" USING btree ("approved_by_id");
  CREATE INDEX "adjustments_updated_at_idx" ON "adjustments" USING btree ("updated_at");
  CREATE INDEX "adjustments_created_at_idx" ON "adjustments" USING btree ("created_at");
  CREATE INDEX "reservations_lines_allocations_order_idx" ON "reservations_lines_allocations" USING btree ("_order");
  CREATE INDEX "reservations_lines_allocations_parent_id_idx" ON "reservations_lines_allocations" USING btree ("_parent_id");
  CREATE INDEX "reservations_lines_allocations_warehouse_idx" ON "reservations_lines_allocations" USING btree ("warehouse_id");
  CREATE INDEX "reservations_lines_order_idx" ON "reservations_lines" USING btree ("_order");
  CREATE INDEX "reservations_lines_parent_id_idx" ON "reservations_lines" USING btree ("_parent_id");
  CREATE INDEX "reservations_lines_item_idx" ON "reservations_lines" USING btree ("item_id");
  CREATE INDEX "reservations_lines_warehouse_idx" ON "reservations_lines" USING btree ("warehouse_id");
  CREATE INDEX "reservations_lines_bom_idx" ON "reservations_lines" USING btree ("bom_id");
  CREATE INDEX "reservations_history_order_idx" ON "reservations_history" USING btree ("_order");
  CREATE INDEX "reservations_history_parent_id_idx" ON "reservations_history" USING btree ("_parent_id");
  CREATE INDEX "reservations_history_user_idx" ON "reservations_history" USING btree ("user_id");
  CREATE INDEX "reservations_tenant_idx" ON "reservations" USING btree ("tenant_id");
  CREATE INDEX "reservations_external_order_id_idx" ON "reservations" USING btree ("external_order_id");
  CREATE INDEX "reservations_status_idx" ON "reservations" USING btree ("status");
  CREATE INDEX "reservations_expires_at_idx" ON "reservations" USING btree ("expires_at");
  CREATE INDEX "reservations_updated_at_idx" ON "reservations" USING btree ("updated_at");
  CREATE INDEX "reservations_created_at_idx" ON "reservations" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_idempotencyKey_idx" ON "reservations" USING btree ("tenant_id","idempotency_key");
  CREATE INDEX "stock_levels_tenant_idx" ON "stock_levels" USING btree ("tenant_id");
  CREATE INDEX "stock_levels_item_idx" ON "stock_levels" USING btree ("item_id");
  CREATE INDEX "stock_levels_warehouse_idx" ON "stock_levels" USING btree ("warehouse_id");
  CREATE UNIQUE INDEX "item_warehouse_idx" ON "stock_levels" USING btree ("item_id","warehouse_id");
  CREATE INDEX "stock_buckets_tenant_idx" ON "stock_buckets" USING btree ("tenant_id");
  CREATE INDEX "stock_buckets_item_idx" ON "stock_buckets" USING btree ("item_id");
  CREATE INDEX "stock_buckets_location_idx" ON "stock_buckets" USING btree ("location_id");
  CREATE INDEX "stock_buckets_lot_idx" ON "stock_buckets" USING btree ("lot_id");
  CREATE INDEX "stock_buckets_warehouse_idx" ON "stock_buckets" USING btree ("warehouse_id");
  CREATE INDEX "ledger_entries_tenant_idx" ON "ledger_entries" USING btree ("tenant_id");
  CREATE INDEX "ledger_entries_item_idx" ON "ledger_entries" USING btree ("item_id");
  CREATE INDEX "ledger_entries_lot_idx" ON "ledger_entries" USING btree ("lot_id");
  CREATE INDEX "ledger_entries_from_location_idx" ON "ledger_entries" USING btree ("from_location_id");
  CREATE INDEX "ledger_entries_to_location_idx" ON "ledger_entries" USING btree ("to_location_id");
  CREATE INDEX "ledger_entries_from_warehouse_idx" ON "ledger_entries" USING btree ("from_warehouse_id");
  CREATE INDEX "ledger_entries_to_warehouse_idx" ON "ledger_entries" USING btree ("to_warehouse_id");
  CREATE INDEX "ledger_entries_movement_type_idx" ON "ledger_entries" USING btree ("movement_type");
  CREATE INDEX "ledger_entries_source_id_idx" ON "ledger_entries" USING btree ("source_id");
  CREATE INDEX "ledger_entries_reference_idx" ON "ledger_entries" USING btree ("reference");
  CREATE INDEX "ledger_entries_actor_idx" ON "ledger_entries" USING btree ("actor_id");
  CREATE INDEX "ledger_entries_occurred_at_idx" ON "ledger_entries" USING btree ("occurred_at");
  CREATE INDEX "ledger_entries_updated_at_idx" ON "ledger_entries" USING btree ("updated_at");
  CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_idempotencyKey_lineNo_idx" ON "ledger_entries" USING btree ("tenant_id","idempotency_key","line_no");
  CREATE INDEX "item_occurredAt_idx" ON "ledger_entries" USING btree ("item_id","occurred_at");
  CREATE INDEX "tenant_bookedAt_idx" ON "ledger_entries" USING btree ("tenant_id","booked_at");
  CREATE UNIQUE INDEX "ledger_seals_to_entry_id_idx" ON "ledger_seals" USING btree ("to_entry_id");
  CREATE INDEX "ledger_seals_updated_at_idx" ON "ledger_seals" USING btree ("updated_at");
  CREATE INDEX "ledger_seals_created_at_idx" ON "ledger_seals" USING btree ("created_at");
  CREATE INDEX "suppliers_contacts_order_idx" ON "suppliers_contacts" USING btree ("_order");
  CREATE INDEX "suppliers_contacts_parent_id_idx" ON "suppliers_contacts" USING btree ("_parent_id");
  CREATE INDEX "suppliers_tenant_idx" ON "suppliers" USING btree ("tenant_id");
  CREATE INDEX "suppliers_code_idx" ON "suppliers" USING btree ("code");
  CREATE INDEX "suppliers_created_by_idx" ON "suppliers" USING btree ("created_by_id");
  CREATE INDEX "suppliers_updated_at_idx" ON "suppliers" USING btree ("updated_at");
  CREATE INDEX "suppliers_created_at_idx" ON "suppliers" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_1_idx" ON "suppliers" USING btree ("tenant_id","code");
  CREATE INDEX "idempotency_records_tenant_idx" ON "idempotency_records" USING btree ("tenant_id");
  CREATE INDEX "idempotency_records_expires_at_idx" ON "idempotency_records" USING btree ("expires_at");
  CREATE INDEX "idempotency_records_updated_at_idx" ON "idempotency_records" USING btree ("updated_at");
  CREATE INDEX "idempotency_records_created_at_idx" ON "idempotency_records" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_scope_key_idx" ON "idempotency_records" USING btree ("tenant_id","scope","key");
  CREATE INDEX "document_sequences_tenant_idx" ON "document_sequences" USING btree ("tenant_id");
  CREATE INDEX "document_sequences_updated_at_idx" ON "document_sequences" USING btree ("updated_at");
  CREATE INDEX "document_sequences_created_at_idx" ON "document_sequences" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_name_idx" ON "document_sequences" USING btree ("tenant_id","name");
  CREATE INDEX "outbox_tenant_idx" ON "outbox" USING btree ("tenant_id");
  CREATE INDEX "outbox_aggregate_key_idx" ON "outbox" USING btree ("aggregate_key");
  CREATE INDEX "outbox_dispatched_at_idx" ON "outbox" USING btree ("dispatched_at");
  CREATE INDEX "usage_counters_tenant_idx" ON "usage_counters" USING btree ("tenant_id");
  CREATE INDEX "usage_counters_day_idx" ON "usage_counters" USING btree ("day");
  CREATE INDEX "usage_counters_updated_at_idx" ON "usage_counters" USING btree ("updated_at");
  CREATE INDEX "usage_counters_created_at_idx" ON "usage_counters" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_day_idx" ON "usage_counters" USING btree ("tenant_id","day");
  CREATE INDEX "supplier_items_price_breaks_order_idx" ON "supplier_items_price_breaks" USING btree ("_order");
  CREATE INDEX "supplier_items_price_breaks_parent_id_idx" ON "supplier_items_price_breaks" USING btree ("_parent_id");
  CREATE INDEX "supplier_items_tenant_idx" ON "supplier_items" USING btree ("tenant_id");
  CREATE INDEX "supplier_items_supplier_idx" ON "supplier_items" USING btree ("supplier_id");
  CREATE INDEX "supplier_items_item_idx" ON "supplier_items" USING btree ("item_id");
  CREATE INDEX "supplier_items_is_preferred_idx" ON "supplier_items" USING btree ("is_preferred");
  CREATE INDEX "supplier_items_updated_at_idx" ON "supplier_items" USING btree ("updated_at");
  CREATE INDEX "supplier_items_created_at_idx" ON "supplier_items" USING btree ("created_at");
  CREATE INDEX "purchase_orders_lines_order_idx" ON "purchase_orders_lines" USING btree ("_order");
  CREATE INDEX "purchase_orders_lines_parent_id_idx" ON "purchase_orders_lines" USING btree ("_parent_id");
  CREATE INDEX "purchase_orders_lines_item_idx" ON "purchase_orders_lines" USING btree ("item_id");
  CREATE INDEX "purchase_orders_approvals_order_idx" ON "purchase_orders_approvals" USING btree ("_order");
  CREATE INDEX "purchase_orders_approvals_parent_id_idx" ON "purchase_orders_approvals" USING btree ("_parent_id");
  CREATE INDEX "purchase_orders_approvals_user_idx" ON "purchase_orders_approvals" USING btree ("user_id");
  CREATE INDEX "purchase_orders_sends_order_idx" ON "purchase_orders_sends" USING btree ("_order");
  CREATE INDEX "purchase_orders_sends_parent_id_idx" ON "purchase_orders_sends" USING btree ("_parent_id");
  CREATE INDEX "purchase_orders_sends_by_idx" ON "purchase_orders_sends" USING btree ("by_id");
  CREATE INDEX "purchase_orders_tenant_idx" ON "purchase_orders" USING btree ("tenant_id");
  CREATE INDEX "purchase_orders_number_idx" ON "purchase_orders" USING btree ("number");
  CREATE INDEX "purchase_orders_supplier_idx" ON "purchase_orders" USING btree ("supplier_id");
  CREATE INDEX "purchase_orders_warehouse_idx" ON "purchase_orders" USING btree ("warehouse_id");
  CREATE INDEX "purchase_orders_expected_date_idx" ON "purchase_orders" USING btree ("expected_date");
  CREATE INDEX "purchase_orders_total_idx" ON "purchase_orders" USING btree ("total");
  CREATE INDEX "purchase_orders_status_idx" ON "purchase_orders" USING btree ("status");
  CREATE INDEX "purchase_orders_submitted_by_idx" ON "purchase_orders" USING btree ("submitted_by_id");
  CREATE INDEX "purchase_orders_created_by_idx" ON "purchase_orders" USING btree ("created_by_id");
  CREATE INDEX "purchase_orders_updated_at_idx" ON "purchase_orders" USING btree ("updated_at");
  CREATE INDEX "purchase_orders_created_at_idx" ON "purchase_orders" USING btree ("created_at");
  CREATE INDEX "goods_receipts_lines_order_idx" ON "goods_receipts_lines" USING btree ("_order");
  CREATE INDEX "goods_receipts_lines_parent_id_idx" ON "goods_receipts_lines" USING btree ("_parent_id");
  CREATE INDEX "goods_receipts_lines_item_idx" ON "goods_receipts_lines" USING btree ("item_id");
  CREATE INDEX "goods_receipts_lines_lot_idx" ON "goods_receipts_lines" USING btree ("lot_id");
  CREATE INDEX "goods_receipts_lines_location_idx" ON "goods_receipts_lines" USING btree ("location_id");
  CREATE INDEX "goods_receipts_tenant_idx" ON "goods_receipts" USING btree ("tenant_id");
  CREATE INDEX "goods_receipts_number_idx" ON "goods_receipts" USING btree ("number");
  CREATE INDEX "goods_receipts_purchase_order_idx" ON "goods_receipts" USING btree ("purchase_order_id");
  CREATE INDEX "goods_receipts_supplier_idx" ON "goods_receipts" USING btree ("supplier_id");
  CREATE INDEX "goods_receipts_warehouse_idx" ON "goods_receipts" USING btree ("warehouse_id");
  CREATE INDEX "goods_receipts_received_by_idx" ON "goods_receipts" USING btree ("received_by_id");
  CREATE INDEX "goods_receipts_received_at_idx" ON "goods_receipts" USING btree ("received_at");
  CREATE INDEX "goods_receipts_updated_at_idx" ON "goods_receipts" USING btree ("updated_at");
  CREATE INDEX "goods_receipts_created_at_idx" ON "goods_receipts" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_idempotencyKey_1_idx" ON "goods_receipts" USING btree ("tenant_id","idempotency_key");
  CREATE INDEX "vendor_returns_lines_order_idx" ON "vendor_returns_lines" USING btree ("_order");
  CREATE INDEX "vendor_returns_lines_parent_id_idx" ON "vendor_returns_lines" USING btree ("_parent_id");
  CREATE INDEX "vendor_returns_lines_item_idx" ON "vendor_returns_lines" USING btree ("item_id");
  CREATE INDEX "vendor_returns_lines_lot_idx" ON "vendor_returns_lines" USING btree ("lot_id");
  CREATE INDEX "vendor_returns_lines_location_idx" ON "vendor_returns_lines" USING btree ("location_id");
  CREATE INDEX "vendor_returns_tenant_idx" ON "vendor_returns" USING btree ("tenant_id");
  CREATE INDEX "vendor_returns_number_idx" ON "vendor_returns" USING btree ("number");
  CREATE INDEX "vendor_returns_supplier_idx" ON "vendor_returns" USING btree ("supplier_id");
  CREATE INDEX "vendor_returns_warehouse_idx" ON "vendor_returns" USING btree ("warehouse_id");
  CREATE INDEX "vendor_returns_purchase_order_idx" ON "vendor_returns" USING btree ("purchase_order_id");
  CREATE INDEX "vendor_returns_status_idx" ON "vendor_returns" USING btree ("status");
  CREATE INDEX "vendor_returns_shipped_by_idx" ON "vendor_returns" USING btree ("shipped_by_id");
  CREATE INDEX "vendor_returns_created_by_idx" ON "vendor_returns" USING btree ("created_by_id");
  CREATE INDEX "vendor_returns_updated_at_idx" ON "vendor_returns" USING btree ("updated_at");
  CREATE INDEX "vendor_returns_created_at_idx" ON "vendor_returns" USING btree ("created_at");
  CREATE INDEX "requisitions_lines_order_idx" ON "requisitions_lines" USING btree ("_order");
  CREATE INDEX "requisitions_lines_parent_id_idx" ON "requisitions_lines" USING btree ("_parent_id");
  CREATE INDEX "requisitions_lines_item_idx" ON "requisitions_lines" USING btree ("item_id");
  CREATE INDEX "requisitions_lines_supplier_idx" ON "requisitions_lines" USING btree ("supplier_id");
  CREATE INDEX "requisitions_tenant_idx" ON "requisitions" USING btree ("tenant_id");
  CREATE INDEX "requisitions_number_idx" ON "requisitions" USING btree ("number");
  CREATE INDEX "requisitions_warehouse_idx" ON "requisitions" USING btree ("warehouse_id");
  CREATE INDEX "requisitions_status_idx" ON "requisitions" USING btree ("status");
  CREATE INDEX "requisitions_ordered_by_idx" ON "requisitions" USING btree ("ordered_by_id");
  CREATE INDEX "requisitions_created_by_idx" ON "requisitions" USING btree ("created_by_id");
  CREATE INDEX "requisitions_updated_at_idx" ON "requisitions" USING btree ("updated_at");
  CREATE INDEX "requisitions_created_at_idx" ON "requisitions" USING btree ("created_at");
  CREATE INDEX "requisitions_rels_order_idx" ON "requisitions_rels" USING btree ("order");
  CREATE INDEX "requisitions_rels_parent_idx" ON "requisitions_rels" USING btree ("parent_id");
  CREATE INDEX "requisitions_rels_path_idx" ON "requisitions_rels" USING btree ("path");
  CREATE INDEX "requisitions_rels_purchase_orders_id_idx" ON "requisitions_rels" USING btree ("purchase_orders_id");
  CREATE INDEX "transfers_lines_order_idx" ON "transfers_lines" USING btree ("_order");
  CREATE INDEX "transfers_lines_parent_id_idx" ON "transfers_lines" USING btree ("_parent_id");
  CREATE INDEX "transfers_lines_item_idx" ON "transfers_lines" USING btree ("item_id");
  CREATE INDEX "transfers_lines_lot_idx" ON "transfers_lines" USING btree ("lot_id");
  CREATE INDEX "transfers_tenant_idx" ON "transfers" USING btree ("tenant_id");
  CREATE INDEX "transfers_number_idx" ON "transfers" USING btree ("number");
  CREATE INDEX "transfers_from_warehouse_idx" ON "transfers" USING btree ("from_warehouse_id");
  CREATE INDEX "transfers_from_location_idx" ON "transfers" USING btree ("from_location_id");
  CREATE INDEX "transfers_to_warehouse_idx" ON "transfers" USING btree ("to_warehouse_id");
  CREATE INDEX "transfers_to_location_idx" ON "transfers" USING btree ("to_location_id");
  CREATE INDEX "transfers_status_idx" ON "transfers" USING btree ("status");
  CREATE INDEX "transfers_requested_by_idx" ON "transfers" USING btree ("requested_by_id");
  CREATE INDEX "transfers_approved_by_idx" ON "transfers" USING btree ("approved_by_id");
  CREATE INDEX "transfers_dispatched_by_idx" ON "transfers" USING btree ("dispatched_by_id");
  CREATE INDEX "transfers_received_by_idx" ON "transfers" USING btree ("received_by_id");
  CREATE INDEX "transfers_cancelled_by_idx" ON "transfers" USING btree ("cancelled_by_id");
  CREATE INDEX "transfers_updated_at_idx" ON "transfers" USING btree ("updated_at");
  CREATE INDEX "transfers_created_at_idx" ON "transfers" USING btree ("created_at");
  CREATE INDEX "cycle_counts_lines_order_idx" ON "cycle_counts_lines" USING btree ("_order");
  CREATE INDEX "cycle_counts_lines_parent_id_idx" ON "cycle_counts_lines" USING btree ("_parent_id");
  CREATE INDEX "cycle_counts_lines_location_idx" ON "cycle_counts_lines" USING btree ("location_id");
  CREATE INDEX "cycle_counts_lines_item_idx" ON "cycle_counts_lines" USING btree ("item_id");
  CREATE INDEX "cycle_counts_lines_lot_idx" ON "cycle_counts_lines" USING btree ("lot_id");
  CREATE INDEX "cycle_counts_lines_counted_by_idx" ON "cycle_counts_lines" USING btree ("counted_by_id");
  CREATE INDEX "cycle_counts_tenant_idx" ON "cycle_counts" USING btree ("tenant_id");
  CREATE INDEX "cycle_counts_number_idx" ON "cycle_counts" USING btree ("number");
  CREATE INDEX "cycle_counts_warehouse_idx" ON "cycle_counts" USING btree ("warehouse_id");
  CREATE INDEX "cycle_counts_scope_location_idx" ON "cycle_counts" USING btree ("scope_location_id");
  CREATE INDEX "cycle_counts_status_idx" ON "cycle_counts" USING btree ("status");
  CREATE INDEX "cycle_counts_started_by_idx" ON "cycle_counts" USING btree ("started_by_id");
  CREATE INDEX "cycle_counts_submitted_by_idx" ON "cycle_counts" USING btree ("submitted_by_id");
  CREATE INDEX "cycle_counts_approved_by_idx" ON "cycle_counts" USING btree ("approved_by_id");
  CREATE INDEX "cycle_counts_posted_by_idx" ON "cycle_counts" USING btree ("posted_by_id");
  CREATE INDEX "cycle_counts_updated_at_idx" ON "cycle_counts" USING btree ("updated_at");
  CREATE INDEX "cycle_counts_created_at_idx" ON "cycle_counts" USING btree ("created_at");
  CREATE INDEX "cycle_counts_rels_order_idx" ON "cycle_counts_rels" USING btree ("order");
  CREATE INDEX "cycle_counts_rels_parent_idx" ON "cycle_counts_rels" USING btree ("parent_id");
  CREATE INDEX "cycle_counts_rels_path_idx" ON "cycle_counts_rels" USING btree ("path");
  CREATE INDEX "cycle_counts_rels_items_id_idx" ON "cycle_counts_rels" USING btree ("items_id");
  CREATE INDEX "cycle_counts_rels_users_id_idx" ON "cycle_counts_rels" USING btree ("users_id");
  CREATE INDEX "stock_holds_lines_order_idx" ON "stock_holds_lines" USING btree ("_order");
  CREATE INDEX "stock_holds_lines_parent_id_idx" ON "stock_holds_lines" USING btree ("_parent_id");
  CREATE INDEX "stock_holds_lines_item_idx" ON "stock_holds_lines" USING btree ("item_id");
  CREATE INDEX "stock_holds_lines_lot_idx" ON "stock_holds_lines" USING btree ("lot_id");
  CREATE INDEX "stock_holds_tenant_idx" ON "stock_holds" USING btree ("tenant_id");
  CREATE INDEX "stock_holds_number_idx" ON "stock_holds" USING btree ("number");
  CREATE INDEX "stock_holds_warehouse_idx" ON "stock_holds" USING btree ("warehouse_id");
  CREATE INDEX "stock_holds_location_idx" ON "stock_holds" USING btree ("location_id");
  CREATE INDEX "stock_holds_quarantine_location_idx" ON "stock_holds" USING btree ("quarantine_location_id");
  CREATE INDEX "stock_holds_status_idx" ON "stock_holds" USING btree ("status");
  CREATE INDEX "stock_holds_placed_by_idx" ON "stock_holds" USING btree ("placed_by_id");
  CREATE INDEX "stock_holds_resolved_by_idx" ON "stock_holds" USING btree ("resolved_by_id");
  CREATE INDEX "stock_holds_updated_at_idx" ON "stock_holds" USING btree ("updated_at");
  CREATE INDEX "stock_holds_created_at_idx" ON "stock_holds" USING btree ("created_at");
  CREATE INDEX "waste_entries_lines_order_idx" ON "waste_entries_lines" USING btree ("_order");
  CREATE INDEX "waste_entries_lines_parent_id_idx" ON "waste_entries_lines" USING btree ("_parent_id");
  CREATE INDEX "waste_entries_lines_item_idx" ON "waste_entries_lines" USING btree ("item_id");
  CREATE INDEX "waste_entries_lines_lot_idx" ON "waste_entries_lines" USING btree ("lot_id");
  CREATE INDEX "waste_entries_tenant_idx" ON "waste_entries" USING btree ("tenant_id");
  CREATE INDEX "waste_entries_number_idx" ON "waste_entries" USING btree ("number");
  CREATE INDEX "waste_entries_warehouse_idx" ON "waste_entries" USING btree ("warehouse_id");
  CREATE INDEX "waste_entries_location_idx" ON "waste_entries" USING btree ("location_id");
  CREATE INDEX "waste_entries_status_idx" ON "waste_entries" USING btree ("status");
  CREATE INDEX "waste_entries_posted_by_idx" ON "waste_entries" USING btree ("posted_by_id");
  CREATE INDEX "waste_entries_updated_at_idx" ON "waste_entries" USING btree ("updated_at");
  CREATE INDEX "waste_entries_created_at_idx" ON "waste_entries" USING btree ("created_at");
  CREATE INDEX "serial_numbers_tenant_idx" ON "serial_numbers" USING btree ("tenant_id");
  CREATE INDEX "serial_numbers_item_idx" ON "serial_numbers" USING btree ("item_id");
  CREATE INDEX "serial_numbers_serial_idx" ON "serial_numbers" USING btree ("serial");
  CREATE INDEX "serial_numbers_lot_idx" ON "serial_numbers" USING btree ("lot_id");
  CREATE INDEX "serial_numbers_current_location_idx" ON "serial_numbers" USING btree ("current_location_id");
  CREATE INDEX "serial_numbers_warehouse_idx" ON "serial_numbers" USING btree ("warehouse_id");
  CREATE INDEX "serial_numbers_status_idx" ON "serial_numbers" USING btree ("status");
  CREATE INDEX "serial_numbers_updated_at_idx" ON "serial_numbers" USING btree ("updated_at");
  CREATE INDEX "serial_numbers_created_at_idx" ON "serial_numbers" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_item_serial_idx" ON "serial_numbers" USING btree ("tenant_id","item_id","serial");
  CREATE INDEX "serial_movements_tenant_idx" ON "serial_movements" USING btree ("tenant_id");
  CREATE INDEX "serial_movements_serial_number_idx" ON "serial_movements" USING btree ("serial_number_id");
  CREATE INDEX "serial_movements_ledger_entry_idx" ON "serial_movements" USING btree ("ledger_entry_id");
  CREATE INDEX "serial_movements_item_idx" ON "serial_movements" USING btree ("item_id");
  CREATE INDEX "serial_movements_from_location_idx" ON "serial_movements" USING btree ("from_location_id");
  CREATE INDEX "serial_movements_to_location_idx" ON "serial_movements" USING btree ("to_location_id");
  CREATE INDEX "serial_movements_updated_at_idx" ON "serial_movements" USING btree ("updated_at");
  CREATE INDEX "serial_movements_created_at_idx" ON "serial_movements" USING btree ("created_at");
  CREATE INDEX "recalls_dispositions_order_idx" ON "recalls_dispositions" USING btree ("_order");
  CREATE INDEX "recalls_dispositions_parent_id_idx" ON "recalls_dispositions" USING btree ("_parent_id");
  CREATE INDEX "recalls_dispositions_lot_idx" ON "recalls_dispositions" USING btree ("lot_id");
  CREATE INDEX "recalls_dispositions_warehouse_idx" ON "recalls_dispositions" USING btree ("warehouse_id");
  CREATE INDEX "recalls_dispositions_user_idx" ON "recalls_dispositions" USING btree ("user_id");
  CREATE INDEX "recalls_history_order_idx" ON "recalls_history" USING btree ("_order");
  CREATE INDEX "recalls_history_parent_id_idx" ON "recalls_history" USING btree ("_parent_id");
  CREATE INDEX "recalls_history_user_idx" ON "recalls_history" USING btree ("user_id");
  CREATE INDEX "recalls_tenant_idx" ON "recalls" USING btree ("tenant_id");
  CREATE INDEX "recalls_reference_idx" ON "recalls" USING btree ("reference");
  CREATE INDEX "recalls_item_idx" ON "recalls" USING btree ("item_id");
  CREATE INDEX "recalls_status_idx" ON "recalls" USING btree ("status");
  CREATE INDEX "recalls_created_by_idx" ON "recalls" USING btree ("created_by_id");
  CREATE INDEX "recalls_updated_at_idx" ON "recalls" USING btree ("updated_at");
  CREATE INDEX "recalls_created_at_idx" ON "recalls" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_reference_idx" ON "recalls" USING btree ("tenant_id","reference");
  CREATE INDEX "recalls_rels_order_idx" ON "recalls_rels" USING btree ("order");
  CREATE INDEX "recalls_rels_parent_idx" ON "recalls_rels" USING btree ("parent_id");
  CREATE INDEX "recalls_rels_path_idx" ON "recalls_rels" USING btree ("path");
  CREATE INDEX "recalls_rels_lots_id_idx" ON "recalls_rels" USING btree ("lots_id");
  CREATE INDEX "cost_layers_tenant_idx" ON "cost_layers" USING btree ("tenant_id");
  CREATE INDEX "cost_layers_item_idx" ON "cost_layers" USING btree ("item_id");
  CREATE INDEX "cost_layers_warehouse_idx" ON "cost_layers" USING btree ("warehouse_id");
  CREATE INDEX "item_warehouse_1_idx" ON "cost_layers" USING btree ("item_id","warehouse_id");
  CREATE INDEX "cost_layers_open" ON "cost_layers" USING btree ("item_id","warehouse_id","id") WHERE "cost_layers"."is_open";
  CREATE INDEX "valuation_snapshots_tenant_idx" ON "valuation_snapshots" USING btree ("tenant_id");
  CREATE INDEX "valuation_snapshots_item_idx" ON "valuation_snapshots" USING btree ("item_id");
  CREATE INDEX "valuation_snapshots_warehouse_idx" ON "valuation_snapshots" USING btree ("warehouse_id");
  CREATE UNIQUE INDEX "tenant_asOf_item_warehouse_idx" ON "valuation_snapshots" USING btree ("tenant_id","as_of","item_id","warehouse_id");
  CREATE INDEX "webhook_endpoints_tenant_idx" ON "webhook_endpoints" USING btree ("tenant_id");
  CREATE INDEX "webhook_endpoints_created_by_idx" ON "webhook_endpoints" USING btree ("created_by_id");
  CREATE INDEX "webhook_endpoints_updated_at_idx" ON "webhook_endpoints" USING btree ("updated_at");
  CREATE INDEX "webhook_endpoints_created_at_idx" ON "webhook_endpoints" USING btree ("created_at");
  CREATE INDEX "webhook_endpoints_texts_order_parent" ON "webhook_endpoints_texts" USING btree ("order","parent_id");
  CREATE INDEX "webhook_deliveries_tenant_idx" ON "webhook_deliveries" USING btree ("tenant_id");
  CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id");
  CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" USING btree ("event_id");
  CREATE INDEX "webhook_deliveries_status_idx" ON "webhook_deliveries" USING btree ("status");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE INDEX "endpoint_aggregateKey_eventId_idx" ON "webhook_deliveries" USING btree ("endpoint_id","aggregate_key","event_id");
  CREATE INDEX "event_sources_tenant_idx" ON "event_sources" USING btree ("tenant_id");
  CREATE INDEX "event_sources_created_by_idx" ON "event_sources" USING btree ("created_by_id");
  CREATE INDEX "event_sources_updated_at_idx" ON "event_sources" USING btree ("updated_at");
  CREATE INDEX "event_sources_created_at_idx" ON "event_sources" USING btree ("created_at");
  CREATE INDEX "inbound_events_tenant_idx" ON "inbound_events" USING btree ("tenant_id");
  CREATE INDEX "inbound_events_source_idx" ON "inbound_events" USING btree ("source_id");
  CREATE INDEX "inbound_events_updated_at_idx" ON "inbound_events" USING btree ("updated_at");
  CREATE INDEX "inbound_events_created_at_idx" ON "inbound_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_eventId_idx" ON "inbound_events" USING btree ("tenant_id","event_id");
  CREATE INDEX "reorder_rules_tenant_idx" ON "reorder_rules" USING btree ("tenant_id");
  CREATE INDEX "reorder_rules_item_idx" ON "reorder_rules" USING btree ("item_id");
  CREATE INDEX "reorder_rules_warehouse_idx" ON "reorder_rules" USING btree ("warehouse_id");
  CREATE UNIQUE INDEX "reorder_rules_scope_key_idx" ON "reorder_rules" USING btree ("scope_key");
  CREATE INDEX "reorder_rules_updated_at_idx" ON "reorder_rules" USING btree ("updated_at");
  CREATE INDEX "reorder_rules_created_at_idx" ON "reorder_rules" USING btree ("created_at");
  CREATE INDEX "reorder_alerts_tenant_idx" ON "reorder_alerts" USING btree ("tenant_id");
  CREATE INDEX "reorder_alerts_item_idx" ON "reorder_alerts" USING btree ("item_id");
  CREATE INDEX "reorder_alerts_warehouse_idx" ON "reorder_alerts" USING btree ("warehouse_id");
  CREATE INDEX "reorder_alerts_rule_idx" ON "reorder_alerts" USING btree ("rule_id");
  CREATE INDEX "reorder_alerts_status_idx" ON "reorder_alerts" USING btree ("status");
  CREATE INDEX "reorder_alerts_acknowledged_by_idx" ON "reorder_alerts" USING btree ("acknowledged_by_id");
  CREATE INDEX "reorder_alerts_resolved_by_idx" ON "reorder_alerts" USING btree ("resolved_by_id");
  CREATE UNIQUE INDEX "reorder_alerts_open_key_idx" ON "reorder_alerts" USING btree ("open_key");
  CREATE INDEX "reorder_alerts_updated_at_idx" ON "reorder_alerts" USING btree ("updated_at");
  CREATE INDEX "reorder_alerts_created_at_idx" ON "reorder_alerts" USING btree ("created_at");
  CREATE INDEX "notification_digest_entries_user_idx" ON "notification_digest_entries" USING btree ("user_id");
  CREATE INDEX "notification_digest_entries_tenant_idx" ON "notification_digest_entries" USING btree ("tenant_id");
  CREATE INDEX "notification_digest_entries_sent_at_idx" ON "notification_digest_entries" USING btree ("sent_at");
  CREATE INDEX "notification_digest_entries_updated_at_idx" ON "notification_digest_entries" USING btree ("updated_at");
  CREATE INDEX "notification_digest_entries_created_at_idx" ON "notification_digest_entries" USING btree ("created_at");
  CREATE INDEX "import_jobs_tenant_idx" ON "import_jobs" USING btree ("tenant_id");
  CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");
  CREATE INDEX "import_jobs_created_by_idx" ON "import_jobs" USING btree ("created_by_id");
  CREATE INDEX "import_jobs_updated_at_idx" ON "import_jobs" USING btree ("updated_at");
  CREATE INDEX "import_jobs_created_at_idx" ON "import_jobs" USING btree ("created_at");
  CREATE UNIQUE INDEX "import_jobs_filename_idx" ON "import_jobs" USING btree ("filename");
  CREATE INDEX "import_row_errors_tenant_idx" ON "import_row_errors" USING btree ("tenant_id");
  CREATE INDEX "import_row_errors_import_job_idx" ON "import_row_errors" USING btree ("import_job_id");
  CREATE INDEX "import_row_errors_updated_at_idx" ON "import_row_errors" USING btree ("updated_at");
  CREATE INDEX "import_row_errors_created_at_idx" ON "import_row_errors" USING btree ("created_at");
  CREATE INDEX "importJob_rowNumber_idx" ON "import_row_errors" USING btree ("import_job_id","row_number");
  CREATE INDEX "export_jobs_tenant_idx" ON "export_jobs" USING btree ("tenant_id");
  CREATE INDEX "export_jobs_filters_filters_warehouse_idx" ON "export_jobs" USING btree ("filters_warehouse_id");
  CREATE INDEX "export_jobs_status_idx" ON "export_jobs" USING btree ("status");
  CREATE INDEX "export_jobs_expires_at_idx" ON "export_jobs" USING btree ("expires_at");
  CREATE INDEX "export_jobs_schedule_id_idx" ON "export_jobs" USING btree ("schedule_id");
  CREATE INDEX "export_jobs_created_by_idx" ON "export_jobs" USING btree ("created_by_id");
  CREATE INDEX "export_jobs_updated_at_idx" ON "export_jobs" USING btree ("updated_at");
  CREATE INDEX "export_jobs_created_at_idx" ON "export_jobs" USING btree ("created_at");
  CREATE INDEX "export_schedules_tenant_idx" ON "export_schedules" USING btree ("tenant_id");
  CREATE INDEX "export_schedules_filters_filters_warehouse_idx" ON "export_schedules" USING btree ("filters_warehouse_id");
  CREATE INDEX "export_schedules_next_run_at_idx" ON "export_schedules" USING btree ("next_run_at");
  CREATE INDEX "export_schedules_created_by_idx" ON "export_schedules" USING btree ("created_by_id");
  CREATE INDEX "export_schedules_updated_at_idx" ON "export_schedules" USING btree ("updated_at");
  CREATE INDEX "export_schedules_created_at_idx" ON "export_schedules" USING btree ("created_at");
  CREATE INDEX "boms_components_order_idx" ON "boms_components" USING btree ("_order");
  CREATE INDEX "boms_components_parent_id_idx" ON "boms_components" USING btree ("_parent_id");
  CREATE INDEX "boms_components_item_idx" ON "boms_components" USING btree ("item_id");
  CREATE INDEX "boms_tenant_idx" ON "boms" USING btree ("tenant_id");
  CREATE INDEX "boms_output_item_idx" ON "boms" USING btree ("output_item_id");
  CREATE INDEX "boms_active_idx" ON "boms" USING btree ("active");
  CREATE INDEX "boms_updated_at_idx" ON "boms" USING btree ("updated_at");
  CREATE INDEX "boms_created_at_idx" ON "boms" USING btree ("created_at");
  CREATE UNIQUE INDEX "boms_one_active_per_item" ON "boms" USING btree ("tenant_id","output_item_id") WHERE "boms"."active";
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_tenants_id_idx" ON "payload_locked_documents_rels" USING btree ("tenants_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("plans_id");
  CREATE INDEX "payload_locked_documents_rels_items_id_idx" ON "payload_locked_documents_rels" USING btree ("items_id");
  CREATE INDEX "payload_locked_documents_rels_warehouses_id_idx" ON "payload_locked_documents_rels" USING btree ("warehouses_id");
  CREATE INDEX "payload_locked_documents_rels_locations_id_idx" ON "payload_locked_documents_rels" USING btree ("locations_id");
  CREATE INDEX "payload_locked_documents_rels_lots_id_idx" ON "payload_locked_documents_rels" USING btree ("lots_id");
  CREATE INDEX "payload_locked_documents_rels_adjustments_id_idx" ON "payload_locked_documents_rels" USING btree ("adjustments_id");
  CREATE INDEX "payload_locked_documents_rels_reservations_id_idx" ON "payload_locked_documents_rels" USING btree ("reservations_id");
  CREATE INDEX "payload_locked_documents_rels_stock_levels_id_idx" ON "payload_locked_documents_rels" USING btree ("stock_levels_id");
  CREATE INDEX "payload_locked_documents_rels_stock_buckets_id_idx" ON "payload_locked_documents_rels" USING btree ("stock_buckets_id");
  CREATE INDEX "payload_locked_documents_rels_ledger_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("ledger_entries_id");
  CREATE INDEX "payload_locked_documents_rels_ledger_seals_id_idx" ON "payload_locked_documents_rels" USING btree ("ledger_seals_id");
  CREATE INDEX "payload_locked_documents_rels_suppliers_id_idx" ON "payload_locked_documents_rels" USING btree ("suppliers_id");
  CREATE INDEX "payload_locked_documents_rels_idempotency_records_id_idx" ON "payload_locked_documents_rels" USING btree ("idempotency_records_id");
  CREATE INDEX "payload_locked_documents_rels_document_sequences_id_idx" ON "payload_locked_documents_rels" USING btree ("document_sequences_id");
  CREATE INDEX "payload_locked_documents_rels_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("outbox_id");
  CREATE INDEX "payload_locked_documents_rels_usage_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("usage_counters_id");
  CREATE INDEX "payload_locked_documents_rels_supplier_items_id_idx" ON "payload_locked_documents_rels" USING btree ("supplier_items_id");
  CREATE INDEX "payload_locked_documents_rels_purchase_orders_id_idx" ON "payload_locked_documents_rels" USING btree ("purchase_orders_id");
  CREATE INDEX "payload_locked_documents_rels_goods_receipts_id_idx" ON "payload_locked_documents_rels" USING btree ("goods_receipts_id");
  CREATE INDEX "payload_locked_documents_rels_vendor_returns_id_idx" ON "payload_locked_documents_rels" USING btree ("vendor_returns_id");
  CREATE INDEX "payload_locked_documents_rels_requisitions_id_idx" ON "payload_locked_documents_rels" USING btree ("requisitions_id");
  CREATE INDEX "payload_locked_documents_rels_transfers_id_idx" ON "payload_locked_documents_rels" USING btree ("transfers_id");
  CREATE INDEX "payload_locked_documents_rels_cycle_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("cycle_counts_id");
  CREATE INDEX "payload_locked_documents_rels_stock_holds_id_idx" ON "payload_locked_documents_rels" USING btree ("stock_holds_id");
  CREATE INDEX "payload_locked_documents_rels_waste_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("waste_entries_id");
  CREATE INDEX "payload_locked_documents_rels_serial_numbers_id_idx" ON "payload_locked_documents_rels" USING btree ("serial_numbers_id");
  CREATE INDEX "payload_locked_documents_rels_serial_movements_id_idx" ON "payload_locked_documents_rels" USING btree ("serial_movements_id");
  CREATE INDEX "payload_locked_documents_rels_recalls_id_idx" ON "payload_locked_documents_rels" USING btree ("recalls_id");
  CREATE INDEX "payload_locked_documents_rels_cost_layers_id_idx" ON "payload_locked_documents_rels" USING btree ("cost_layers_id");
  CREATE INDEX "payload_locked_documents_rels_valuation_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("valuation_snapshots_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_endpoints_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_endpoints_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_event_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("event_sources_id");
  CREATE INDEX "payload_locked_documents_rels_inbound_events_id_idx" ON "payload_locked_documents_rels" USING btree ("inbound_events_id");
  CREATE INDEX "payload_locked_documents_rels_reorder_rules_id_idx" ON "payload_locked_documents_rels" USING btree ("reorder_rules_id");
  CREATE INDEX "payload_locked_documents_rels_reorder_alerts_id_idx" ON "payload_locked_documents_rels" USING btree ("reorder_alerts_id");
  CREATE INDEX "payload_locked_documents_rels_notification_digest_entrie_idx" ON "payload_locked_documents_rels" USING btree ("notification_digest_entries_id");
  CREATE INDEX "payload_locked_documents_rels_import_jobs_id_idx" ON "payload_locked_documents_rels" USING btree ("import_jobs_id");
  CREATE INDEX "payload_locked_documents_rels_import_row_errors_id_idx" ON "payload_locked_documents_rels" USING btree ("import_row_errors_id");
  CREATE INDEX "payload_locked_documents_rels_export_jobs_id_idx" ON "payload_locked_documents_rels" USING btree ("export_jobs_id");
  CREATE INDEX "payload_locked_documents_rels_export_schedules_id_idx" ON "payload_locked_documents_rels" USING btree ("export_schedules_id");
  CREATE INDEX "payload_locked_documents_rels_boms_id_idx" ON "payload_locked_documents_rels" USING btree ("boms_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "tenants" CASCADE;
  DROP TABLE "users_notifications_kinds" CASCADE;
  DROP TABLE "users_tenants_roles" CASCADE;
  DROP TABLE "users_tenants" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "plans_features" CASCADE;
  DROP TABLE "plans" CASCADE;
  DROP TABLE "items_packagings" CASCADE;
  DROP TABLE "items_barcodes" CASCADE;
  DROP TABLE "items" CASCADE;
  DROP TABLE "warehouses" CASCADE;
  DROP TABLE "locations" CASCADE;
  DROP TABLE "lots" CASCADE;
  DROP TABLE "adjustments_lines" CASCADE;
  DROP TABLE "adjustments" CASCADE;
  DROP TABLE "reservations_lines_allocations" CASCADE;
  DROP TABLE "reservations_lines" CASCADE;
  DROP TABLE "reservations_history" CASCADE;
  DROP TABLE "reservations" CASCADE;
  DROP TABLE "stock_levels" CASCADE;
  DROP TABLE "stock_buckets" CASCADE;
  DROP TABLE "ledger_entries" CASCADE;
  DROP TABLE "ledger_seals" CASCADE;
  DROP TABLE "suppliers_contacts" CASCADE;
  DROP TABLE "suppliers" CASCADE;
  DROP TABLE "idempotency_records" CASCADE;
  DROP TABLE "document_sequences" CASCADE;
  DROP TABLE "outbox" CASCADE;
  DROP TABLE "usage_counters" CASCADE;
  DROP TABLE "supplier_items_price_breaks" CASCADE;
  DROP TABLE "supplier_items" CASCADE;
  DROP TABLE "purchase_orders_lines" CASCADE;
  DROP TABLE "purchase_orders_approvals" CASCADE;
  DROP TABLE "purchase_orders_sends" CASCADE;
  DROP TABLE "purchase_orders" CASCADE;
  DROP TABLE "goods_receipts_lines" CASCADE;
  DROP TABLE "goods_receipts" CASCADE;
  DROP TABLE "vendor_returns_lines" CASCADE;
  DROP TABLE "vendor_returns" CASCADE;
  DROP TABLE "requisitions_lines" CASCADE;
  DROP TABLE "requisitions" CASCADE;
  DROP TABLE "requisitions_rels" CASCADE;
  DROP TABLE "transfers_lines" CASCADE;
  DROP TABLE "transfers" CASCADE;
  DROP TABLE "cycle_counts_lines" CASCADE;
  DROP TABLE "cycle_counts" CASCADE;
  DROP TABLE "cycle_counts_rels" CASCADE;
  DROP TABLE "stock_holds_lines" CASCADE;
  DROP TABLE "stock_holds" CASCADE;
  DROP TABLE "waste_entries_lines" CASCADE;
  DROP TABLE "waste_entries" CASCADE;
  DROP TABLE "serial_numbers" CASCADE;
  DROP TABLE "serial_movements" CASCADE;
  DROP TABLE "recalls_dispositions" CASCADE;
  DROP TABLE "recalls_history" CASCADE;
  DROP TABLE "recalls" CASCADE;
  DROP TABLE "recalls_rels" CASCADE;
  DROP TABLE "cost_layers" CASCADE;
  DROP TABLE "valuation_snapshots" CASCADE;
  DROP TABLE "webhook_endpoints" CASCADE;
  DROP TABLE "webhook_endpoints_texts" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "event_sources" CASCADE;
  DROP TABLE "inbound_events" CASCADE;
  DROP TABLE "reorder_rules" CASCADE;
  DROP TABLE "reorder_alerts" CASCADE;
  DROP TABLE "notification_digest_entries" CASCADE;
  DROP TABLE "import_jobs" CASCADE;
  DROP TABLE "import_row_errors" CASCADE;
  DROP TABLE "export_jobs" CASCADE;
  DROP TABLE "export_schedules" CASCADE;
  DROP TABLE "boms_components" CASCADE;
  DROP TABLE "boms" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_tenants_status";
  DROP TYPE "public"."enum_tenants_settings_costing_method";
  DROP TYPE "public"."enum_users_notifications_kinds_kind";
  DROP TYPE "public"."enum_users_notifications_kinds_delivery";
  DROP TYPE "public"."enum_users_tenants_roles";
  DROP TYPE "public"."enum_users_notifications_default_delivery";
  DROP TYPE "public"."enum_plans_features";
  DROP TYPE "public"."enum_items_base_unit";
  DROP TYPE "public"."enum_items_costing_method";
  DROP TYPE "public"."enum_warehouses_type";
  DROP TYPE "public"."enum_locations_kind";
  DROP TYPE "public"."enum_locations_temperature_class";
  DROP TYPE "public"."enum_lots_status";
  DROP TYPE "public"."enum_adjustments_lines_reason";
  DROP TYPE "public"."enum_adjustments_status";
  DROP TYPE "public"."enum_reservations_channel";
  DROP TYPE "public"."enum_reservations_status";
  DROP TYPE "public"."enum_stock_buckets_location_kind";
  DROP TYPE "public"."enum_ledger_entries_movement_type";
  DROP TYPE "public"."enum_idempotency_records_state";
  DROP TYPE "public"."enum_purchase_orders_approvals_decision";
  DROP TYPE "public"."enum_purchase_orders_status";
  DROP TYPE "public"."enum_vendor_returns_lines_reason";
  DROP TYPE "public"."enum_vendor_returns_status";
  DROP TYPE "public"."enum_requisitions_status";
  DROP TYPE "public"."enum_transfers_lines_damage_reason";
  DROP TYPE "public"."enum_transfers_lines_shortage_reason";
  DROP TYPE "public"."enum_transfers_status";
  DROP TYPE "public"."enum_cycle_counts_lines_reason";
  DROP TYPE "public"."enum_cycle_counts_scope";
  DROP TYPE "public"."enum_cycle_counts_status";
  DROP TYPE "public"."enum_stock_holds_reason";
  DROP TYPE "public"."enum_stock_holds_status";
  DROP TYPE "public"."enum_waste_entries_lines_reason";
  DROP TYPE "public"."enum_waste_entries_status";
  DROP TYPE "public"."enum_serial_numbers_status";
  DROP TYPE "public"."enum_recalls_dispositions_action";
  DROP TYPE "public"."enum_recalls_severity";
  DROP TYPE "public"."enum_recalls_status";
  DROP TYPE "public"."enum_cost_layers_method";
  DROP TYPE "public"."enum_webhook_deliveries_trigger";
  DROP TYPE "public"."enum_webhook_deliveries_status";
  DROP TYPE "public"."enum_inbound_events_status";
  DROP TYPE "public"."enum_reorder_alerts_basis";
  DROP TYPE "public"."enum_reorder_alerts_status";
  DROP TYPE "public"."enum_reorder_alerts_resolution";
  DROP TYPE "public"."enum_import_jobs_kind";
  DROP TYPE "public"."enum_import_jobs_mode";
  DROP TYPE "public"."enum_import_jobs_existing";
  DROP TYPE "public"."enum_import_jobs_status";
  DROP TYPE "public"."enum_import_row_errors_phase";
  DROP TYPE "public"."enum_export_jobs_kind";
  DROP TYPE "public"."enum_export_jobs_status";
  DROP TYPE "public"."enum_export_schedules_kind";
  DROP TYPE "public"."enum_export_schedules_frequency";`)
}
