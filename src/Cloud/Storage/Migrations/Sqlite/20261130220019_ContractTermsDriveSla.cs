using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractTermsDriveSla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "ServiceCentres",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Clock",
                table: "Contracts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "BySeverity");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "ServiceCentres");

            migrationBuilder.DropColumn(
                name: "Clock",
                table: "Contracts");
        }
    }
}
