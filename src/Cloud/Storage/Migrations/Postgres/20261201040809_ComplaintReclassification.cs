using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintReclassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClassifiedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClassifiedBy",
                table: "Complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComplaintClassifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    FromCause = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FromServiceAtFault = table.Column<bool>(type: "boolean", nullable: false),
                    ToCause = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ToServiceAtFault = table.Column<bool>(type: "boolean", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintClassifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintClassifications_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintClassifications_ComplaintId",
                table: "ComplaintClassifications",
                column: "ComplaintId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintClassifications");

            migrationBuilder.DropColumn(
                name: "ClassifiedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ClassifiedBy",
                table: "Complaints");
        }
    }
}
