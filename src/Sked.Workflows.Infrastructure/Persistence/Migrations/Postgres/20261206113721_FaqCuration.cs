using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FaqCuration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Alternatives",
                table: "faq_entries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "faq_entries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Helpful",
                table: "faq_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ProposeAfter",
                table: "faq_entries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProposedAt",
                table: "faq_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WordedByStaff",
                table: "faq_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "faq_repeats",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FaqEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
