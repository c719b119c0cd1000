using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FaqCuration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Alternatives",
                table: "faq_entries",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "faq_entries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Helpful",
                table: "faq_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ProposeAfter",
                table: "faq_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProposedAt",
                table: "faq_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WordedByStaff",
                table: "faq_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "faq_repeats",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FaqEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_repeats", x => x.CaseId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_faq_repeats_FaqEntryId",
                table: "faq_repeats",
                column: "FaqEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_repeats");

            migrationBuilder.DropColumn(
                name: "Alternatives",
                table: "faq_entries");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "faq_entries");

            migrationBuilder.DropColumn(
                name: "Helpful",
                table: "faq_entries");

            migrationBuilder.DropColumn(
                name: "ProposeAfter",
                table: "faq_entries");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "faq_entries");

            migrationBuilder.DropColumn(
                name: "WordedByStaff",
                table: "faq_entries");
        }
    }
}
