using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The audit chain's lanes (docs/adr/0007): a day's checkpoint is kept per lane. Checkpoints kept so far are lane 1's,
    /// the chain as it was. Lanes 2 … get their head rows at start (ChainLanes.EnsureAsync), on PostgreSQL only.
    /// </summary>
    public partial class ChainLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_audit_checkpoints",
                table: "audit_checkpoints");

            migrationBuilder.AddColumn<int>(
                name: "Lane",
                table: "audit_checkpoints",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddPrimaryKey(
                name: "PK_audit_checkpoints",
                table: "audit_checkpoints",
                columns: new[] { "Lane", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_audit_checkpoints",
                table: "audit_checkpoints");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "audit_checkpoints");

            migrationBuilder.AddPrimaryKey(
                name: "PK_audit_checkpoints",
                table: "audit_checkpoints",
                column: "Day");
        }
    }
}
