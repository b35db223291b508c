using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AlertLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_TenantId_AcknowledgedAt_CreatedAt",
                table: "Alerts");

            migrationBuilder.AddColumn<int>(
                name: "AlertEscalationMinutes",
                table: "Tenants",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedAt",
                table: "Alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "Alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TenantId_ResolvedAt_AcknowledgedAt_CreatedAt",
                table: "Alerts",
                columns: new[] { "TenantId", "ResolvedAt", "AcknowledgedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_TenantId_ResolvedAt_AcknowledgedAt_CreatedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AlertEscalationMinutes",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Alerts");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TenantId_AcknowledgedAt_CreatedAt",
                table: "Alerts",
                columns: new[] { "TenantId", "AcknowledgedAt", "CreatedAt" });
        }
    }
}
