using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AgentsByName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Agents_TenantId_DisplayName_Id",
                table: "Agents",
                columns: new[] { "TenantId", "DisplayName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Agents_TenantId_DisplayName_Id",
                table: "Agents");
        }
    }
}
