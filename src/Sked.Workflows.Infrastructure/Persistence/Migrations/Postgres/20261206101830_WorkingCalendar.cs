using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CalendarVersion",
                table: "workflow_timers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule",
                table: "workflow_timers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalendarVersion",
                table: "human_tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaRule",
                table: "human_tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AnswerCalendarVersion",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerRule",
                table: "cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PausedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromiseMovedBy",
                table: "cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromiseMovedDetail",
                table: "cases",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_closures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_closures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_holidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_holidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "calendar_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Week = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    HalfDayCloses = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_closures_From",
                table: "calendar_closures",
                column: "From");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_closures");

            migrationBuilder.DropTable(
                name: "calendar_holidays");

            migrationBuilder.DropTable(
                name: "calendar_settings");

            migrationBuilder.DropColumn(
                name: "CalendarVersion",
                table: "workflow_timers");

            migrationBuilder.DropColumn(
                name: "Rule",
                table: "workflow_timers");

            migrationBuilder.DropColumn(
                name: "CalendarVersion",
                table: "human_tasks");

            migrationBuilder.DropColumn(
                name: "SlaRule",
                table: "human_tasks");

            migrationBuilder.DropColumn(
                name: "AnswerCalendarVersion",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "AnswerRule",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PromiseMovedBy",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PromiseMovedDetail",
                table: "cases");
        }
    }
}
