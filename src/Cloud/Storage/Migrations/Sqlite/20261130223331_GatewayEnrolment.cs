using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GatewayEnrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EnrolledAt",
                table: "Gateways",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EnrolmentExpiresAt",
                table: "Gateways",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnrolmentTokenHash",
                table: "Gateways",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_EnrolmentTokenHash",
                table: "Gateways",
                column: "EnrolmentTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Gateways_EnrolmentTokenHash",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "EnrolledAt",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "EnrolmentExpiresAt",
                table: "Gateways");

            migrationBuilder.DropColumn(
                name: "EnrolmentTokenHash",
                table: "Gateways");
        }
    }
}
