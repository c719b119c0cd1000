using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sked.Workflows.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule",
                table: "workflow_timers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalendarVersion",
                table: "human_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaRule",
                table: "human_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AnswerCalendarVersion",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerRule",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromiseMovedBy",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromiseMovedDetail",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_closures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_closures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_holidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_holidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "calendar_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    HalfDayCloses = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
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
