using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantScoping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportRuns_Kind_Period",
                table: "ReportRuns");

            migrationBuilder.DropIndex(
                name: "IX_PartMoves_PartNumber",
                table: "PartMoves");

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "ReportRuns",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "default"); // rows from before tenants existed belong to the default company

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "PartMoves",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "default"); // rows from before tenants existed belong to the default company

            migrationBuilder.CreateIndex(
                name: "IX_ReportRuns_TenantId_Kind_Period",
                table: "ReportRuns",
                columns: new[] { "TenantId", "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartMoves_TenantId_PartNumber",
                table: "PartMoves",
                columns: new[] { "TenantId", "PartNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportRuns_TenantId_Kind_Period",
                table: "ReportRuns");

            migrationBuilder.DropIndex(
                name: "IX_PartMoves_TenantId_PartNumber",
                table: "PartMoves");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "ReportRuns");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "PartMoves");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRuns_Kind_Period",
                table: "ReportRuns",
                columns: new[] { "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartMoves_PartNumber",
                table: "PartMoves",
                column: "PartNumber");
        }
    }
}
