using Microsoft.EntityFrameworkCore.Migrations;

namespace Sked.Workflows.Infrastructure.Persistence.Migrations;

/// <summary>
/// What the database itself enforces about the audit trail, beyond the tables EF generates: events
/// and daily checkpoints are append-only, and the chain head starts empty. The one update an event
/// may take is its sealing (an empty hash filled in once, nothing else changed). Each provider's
/// Initial migration calls this at the end of Up and the start of Down; a migration that adds a column
/// to audit_events must add it to the comparisons below.
/// </summary>
public static class AuditTriggers
{
    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN length(OLD.Hash) > 0 OR length(NEW.Hash) <> 32
    OR NEW.Id IS NOT OLD.Id OR NEW.Seq IS NOT OLD.Seq OR NEW.At IS NOT OLD.At OR NEW.Type IS NOT OLD.Type
    OR NEW.Actor IS NOT OLD.Actor OR NEW.CaseId IS NOT OLD.CaseId OR NEW.TrackingCode IS NOT OLD.TrackingCode
    OR NEW.InstanceId IS NOT OLD.InstanceId OR NEW.DefinitionId IS NOT OLD.DefinitionId
    OR NEW.DefinitionVersion IS NOT OLD.DefinitionVersion OR NEW.Data IS NOT OLD.Data OR NEW.ClientAddress IS NOT OLD.ClientAddress
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");
        migrationBuilder.Sql(@"
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");
        CreateSqliteCheckpointTriggers(migrationBuilder);
        migrationBuilder.Sql("INSERT INTO audit_chain_head (Id, Seq, Hash, At, SealedOn) VALUES (1, 0, zeroblob(32), NULL, NULL);");
    }

    /// <summary>
    /// The checkpoints' triggers on SQLite. A migration that changes the table's key rebuilds it (SQLite cannot
    /// alter a key), which drops its triggers: such a migration creates them again with this.
    /// </summary>
    public static void CreateSqliteCheckpointTriggers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;");
        migrationBuilder.Sql(@"
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;");
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in new[] { "audit_events_no_update", "audit_events_no_delete", "audit_checkpoints_no_update", "audit_checkpoints_no_delete" })
        {
            migrationBuilder.Sql($"DROP TRIGGER {trigger};");
        }
    }

    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF length(OLD.""Hash"") = 0 AND length(NEW.""Hash"") = 32
            AND (NEW.""Id"", NEW.""Seq"", NEW.""At"", NEW.""Type"", NEW.""Actor"", NEW.""CaseId"", NEW.""TrackingCode"", NEW.""InstanceId"", NEW.""DefinitionId"", NEW.""DefinitionVersion"", NEW.""Data"", NEW.""ClientAddress"")
                IS NOT DISTINCT FROM (OLD.""Id"", OLD.""Seq"", OLD.""At"", OLD.""Type"", OLD.""Actor"", OLD.""CaseId"", OLD.""TrackingCode"", OLD.""InstanceId"", OLD.""DefinitionId"", OLD.""DefinitionVersion"", OLD.""Data"", OLD.""ClientAddress"") THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit events are append-only';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE FUNCTION refuse_checkpoint_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit checkpoints are append-only';
END $$;
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_checkpoint_change();
INSERT INTO audit_chain_head (""Id"", ""Seq"", ""Hash"", ""At"", ""SealedOn"") VALUES (1, 0, decode(repeat('00', 32), 'hex'), NULL, NULL);");
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
DROP TRIGGER audit_checkpoints_no_truncate ON audit_checkpoints;
DROP TRIGGER audit_checkpoints_append_only ON audit_checkpoints;
DROP FUNCTION refuse_checkpoint_change();
DROP TRIGGER audit_events_no_truncate ON audit_events;
DROP TRIGGER audit_events_append_only ON audit_events;
DROP FUNCTION refuse_audit_change();");
    }
}
