using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatementOpenPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OpenPeriod",
                table: "Statements",
                type: "TEXT",
                maxLength: 21,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_TenantId_VendorId_OpenPeriod",
                table: "Statements",
                columns: new[] { "TenantId", "VendorId", "OpenPeriod" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Statements_TenantId_VendorId_OpenPeriod",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "OpenPeriod",
                table: "Statements");
        }
    }
}
