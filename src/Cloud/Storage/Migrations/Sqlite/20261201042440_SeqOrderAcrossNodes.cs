using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeqOrderAcrossNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PrevSeq",
                table: "IngestInbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_GatewayId_Seq",
                table: "Occurrences",
                columns: new[] { "GatewayId", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_GatewayId_Seq",
                table: "Occurrences");

            migrationBuilder.DropColumn(
                name: "PrevSeq",
                table: "IngestInbox");
        }
    }
}
