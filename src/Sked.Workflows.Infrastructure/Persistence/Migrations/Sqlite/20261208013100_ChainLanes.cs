using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The audit chain's lanes (docs/adr/0007): a day's checkpoint is kept per lane. Checkpoints kept so far are lane 1's,
    /// the chain as it was. Lanes 2 … get their head rows at start (ChainLanes.EnsureAsync), on PostgreSQL only.
    /// </summary>
    public partial class ChainLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, """
            CREATE TABLE "ef_temp_audit_checkpoints" (
                "Lane" INTEGER NOT NULL DEFAULT 1,
                "Day" TEXT NOT NULL,
                "At" INTEGER NULL,
                "Hash" BLOB NOT NULL,
                "Seq" INTEGER NOT NULL,
                CONSTRAINT "PK_audit_checkpoints" PRIMARY KEY ("Lane", "Day"));
            INSERT INTO "ef_temp_audit_checkpoints" ("Lane", "Day", "At", "Hash", "Seq")
            SELECT 1, "Day", "At", "Hash", "Seq" FROM "audit_checkpoints";
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, """
            CREATE TABLE "ef_temp_audit_checkpoints" (
                "Day" TEXT NOT NULL CONSTRAINT "PK_audit_checkpoints" PRIMARY KEY,
                "At" INTEGER NULL,
                "Hash" BLOB NOT NULL,
                "Seq" INTEGER NOT NULL);
            INSERT INTO "ef_temp_audit_checkpoints" ("Day", "At", "Hash", "Seq")
            SELECT "Day", "At", "Hash", "Seq" FROM "audit_checkpoints" WHERE "Lane" = 1;
            """);

        // SQLite cannot change a table's key: the table is copied into one with the new key, in the migration's
        // own transaction (EF's own rebuild would run outside it, after this migration's other statements), and
        // the append-only triggers, dropped with the old table, are created again on the new one.
        private static void Rebuild(MigrationBuilder migrationBuilder, string createAndCopy)
        {
            migrationBuilder.Sql(createAndCopy);
            migrationBuilder.Sql("""DROP TABLE "audit_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_audit_checkpoints" RENAME TO "audit_checkpoints";""");
            AuditTriggers.CreateSqliteCheckpointTriggers(migrationBuilder);
        }
    }
}
