using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxTraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "IngestInbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "IngestInbox");
        }
    }
}
