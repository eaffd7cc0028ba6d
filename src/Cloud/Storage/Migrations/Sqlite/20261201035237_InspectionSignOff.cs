using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionSignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Signature",
                table: "InspectionJobs",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureCollectedBy",
                table: "InspectionJobs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SignedAt",
                table: "InspectionJobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "InspectionJobs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Signature",
                table: "InspectionJobs");

            migrationBuilder.DropColumn(
                name: "SignatureCollectedBy",
                table: "InspectionJobs");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "InspectionJobs");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "InspectionJobs");
        }
    }
}
