using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Assignee_Status",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Status_CandidateRole_Department_DueAt",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Status_CandidateRole_DueAt",
                table: "human_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Assignee_Status_DueAt_Id",
                table: "human_tasks",
                columns: new[] { "Assignee", "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_CompletedBy_Status_DueAt_Id",
                table: "human_tasks",
                columns: new[] { "CompletedBy", "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Department_Status_DueAt_Id",
                table: "human_tasks",
                columns: new[] { "Department", "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Status_CandidateRole_Department_DueAt_Id",
                table: "human_tasks",
                columns: new[] { "Status", "CandidateRole", "Department", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Status_CandidateRole_DueAt_Id",
                table: "human_tasks",
                columns: new[] { "Status", "CandidateRole", "DueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Assignee_Status_DueAt_Id",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_CompletedBy_Status_DueAt_Id",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Department_Status_DueAt_Id",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Status_CandidateRole_Department_DueAt_Id",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "IX_human_tasks_Status_CandidateRole_DueAt_Id",
                table: "human_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Assignee_Status",
                table: "human_tasks",
                columns: new[] { "Assignee", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Status_CandidateRole_Department_DueAt",
                table: "human_tasks",
                columns: new[] { "Status", "CandidateRole", "Department", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_human_tasks_Status_CandidateRole_DueAt",
                table: "human_tasks",
                columns: new[] { "Status", "CandidateRole", "DueAt" });
        }
    }
}
