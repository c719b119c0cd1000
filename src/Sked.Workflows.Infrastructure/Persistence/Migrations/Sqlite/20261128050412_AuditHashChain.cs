using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "audit_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Events written before the chain take their place in it in the order they were written; the app
            // seals them (fills in their hashes) at its next start: the one update the new trigger lets through.
            migrationBuilder.Sql("DROP TRIGGER audit_events_no_update;");
            migrationBuilder.Sql("UPDATE audit_events SET Seq = (SELECT COUNT(*) FROM audit_events AS earlier WHERE earlier.Id <= audit_events.Id);");
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN length(OLD.Hash) > 0 OR length(NEW.Hash) <> 32
    OR NEW.Id IS NOT OLD.Id OR NEW.Seq IS NOT OLD.Seq OR NEW.At IS NOT OLD.At OR NEW.Type IS NOT OLD.Type
    OR NEW.Actor IS NOT OLD.Actor OR NEW.CaseId IS NOT OLD.CaseId OR NEW.TrackingCode IS NOT OLD.TrackingCode
    OR NEW.InstanceId IS NOT OLD.InstanceId OR NEW.DefinitionId IS NOT OLD.DefinitionId
    OR NEW.DefinitionVersion IS NOT OLD.DefinitionVersion OR NEW.Data IS NOT OLD.Data OR NEW.ClientAddress IS NOT OLD.ClientAddress
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");

            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: true),
                    SealedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoints", x => x.Day);
                });

            // The head: empty (32 zero bytes), or naming the numbered earlier events with no hash yet.
            migrationBuilder.Sql(@"
INSERT INTO audit_chain_head (Id, Seq, Hash, At, SealedOn)
SELECT 1, COUNT(*), CASE WHEN COUNT(*) = 0 THEN zeroblob(32) ELSE x'' END, NULL, NULL FROM audit_events;");
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;");
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;");

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_Seq",
                table: "audit_events",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_events_no_update;");
            migrationBuilder.DropTable(
                name: "audit_chain_head");

            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_audit_events_Seq",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "audit_events");

            // Dropping columns may rebuild the table, which loses its triggers: put back the earlier ones.
            migrationBuilder.Sql(@"
CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");
            migrationBuilder.Sql(@"
CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");
        }
    }
}
