using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Hash",
                table: "audit_events",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "audit_events",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Events written before the chain take their place in it in the order they were written; the app
            // seals them (fills in their hashes) at its next start: the one update the trigger lets through.
            // (A migration that adds a column to audit_events must add it to the comparison below.)
            migrationBuilder.Sql(@"
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
UPDATE audit_events SET ""Seq"" = numbered.seq
FROM (SELECT ""Id"", row_number() OVER (ORDER BY ""Id"") AS seq FROM audit_events) AS numbered
WHERE audit_events.""Id"" = numbered.""Id"";
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF length(OLD.""Hash"") = 0 AND length(NEW.""Hash"") = 32
            AND (NEW.""Id"", NEW.""Seq"", NEW.""At"", NEW.""Type"", NEW.""Actor"", NEW.""CaseId"", NEW.""TrackingCode"", NEW.""InstanceId"", NEW.""DefinitionId"", NEW.""DefinitionVersion"", NEW.""Data"", NEW.""ClientAddress"")
                IS NOT DISTINCT FROM (OLD.""Id"", OLD.""Seq"", OLD.""At"", OLD.""Type"", OLD.""Actor"", OLD.""CaseId"", OLD.""TrackingCode"", OLD.""InstanceId"", OLD.""DefinitionId"", OLD.""DefinitionVersion"", OLD.""Data"", OLD.""ClientAddress"") THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit events are append-only';
END $$;");

            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SealedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoints", x => x.Day);
                });

            // The head: empty (32 zero bytes), or naming the numbered earlier events with no hash yet.
            migrationBuilder.Sql(@"
INSERT INTO audit_chain_head (""Id"", ""Seq"", ""Hash"", ""At"", ""SealedOn"")
SELECT 1, COUNT(*), CASE WHEN COUNT(*) = 0 THEN decode(repeat('00', 32), 'hex') ELSE ''::bytea END, NULL, NULL FROM audit_events;
CREATE FUNCTION refuse_checkpoint_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit checkpoints are append-only';
END $$;
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_checkpoint_change();");

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_Seq",
                table: "audit_events",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END $$;");
            migrationBuilder.DropTable(
                name: "audit_chain_head");

            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.Sql("DROP FUNCTION refuse_checkpoint_change();");

            migrationBuilder.DropIndex(
                name: "IX_audit_events_Seq",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "audit_events");
        }
    }
}
