using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InHouseAndStaffingModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "PatienceSeconds",
                table: "Events",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffingModel",
                table: "Events",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "ErlangC");

            migrationBuilder.CreateTable(
                name: "InHouseIntervals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SkillId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Agents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InHouseIntervals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InHouseIntervals_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InHouseIntervals_Skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "Skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InHouseIntervals_EventId_SkillId_Date_Start",
                table: "InHouseIntervals",
                columns: new[] { "EventId", "SkillId", "Date", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InHouseIntervals_SkillId",
                table: "InHouseIntervals",
                column: "SkillId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InHouseIntervals");

            migrationBuilder.DropColumn(
                name: "PatienceSeconds",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "StaffingModel",
                table: "Events");
        }
    }
}
