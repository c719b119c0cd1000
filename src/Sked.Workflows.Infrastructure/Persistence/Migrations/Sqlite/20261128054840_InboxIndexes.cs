using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Status_CandidateRole_DueAt",
                table: "human_tasks",
                columns: new[] { "Status", "CandidateRole", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_TrackingCode",
                table: "human_tasks",
                column: "TrackingCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Status_CandidateRole_DueAt",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_TrackingCode",
                table: "human_tasks");
        }
    }
}
