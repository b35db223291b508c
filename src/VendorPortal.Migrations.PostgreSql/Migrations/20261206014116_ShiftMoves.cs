using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ShiftMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Shifts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Shifts");
        }
    }
}
