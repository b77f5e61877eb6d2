package io.sluice.ingest.elastic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.io.UncheckedIOException;

/**
 * The few read-only endpoints shippers call before they send a bulk request, answered as an Elasticsearch node would.
 * Mount them beside {@link ElasticBulkProtocol}:
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>method</th><th>who needs it</th></tr>
 *   <tr><td>{@code GET /}, {@code HEAD /}</td><td>{@link #respond}</td>
 *       <td>Logstash (HEAD health check, then version and product header), Vector ({@code api_version: auto} reads the
 *       major version to drop {@code _type}), Filebeat (version check on connect), the official clients</td></tr>
 *   <tr><td>{@code GET /_license}</td><td>{@link #respondLicense}</td>
 *       <td>Logstash marks a node without an active license dead and sends it nothing</td></tr>
 *   <tr><td>{@code GET /_cluster/health}</td><td>{@link #respondClusterHealth}</td>
 *       <td>Vector's sink health check</td></tr>
 * </table>
 * Fluent Bit needs none of them: it only posts bulk requests.
 *
 * <p><b>Claimed version: {@value #VERSION_NUMBER}</b> (with its Lucene, {@value #LUCENE_VERSION}). An 8.x number makes
 * every current shipper speak the typeless 8.x bulk format. 8.11.0 in particular passes the Beats version rule: Beats
 * 8.1 to 8.10 refuse an Elasticsearch older than themselves, and from 8.11 on {@code allow_older_versions} defaults to
 * true (elastic/beats#36884), so every Filebeat 8.x connects with its defaults; 8.11 is also the version serverless
 * Elasticsearch reports. Every answer carries {@code X-Elastic-Product: Elasticsearch}: the official clients (7.14+)
 * and Logstash refuse a server without it.
 *
 * <p>Thread contract: static, stateless; call on the request's event loop. The bodies are built once.
 */
public final class ElasticHandshake {
    /** Elasticsearch version Sluice claims. */
    public static final String VERSION_NUMBER = "8.11.0";
    /** Lucene version of Elasticsearch {@value #VERSION_NUMBER}. */
    public static final String LUCENE_VERSION = "9.8.0";
    public static final String PRODUCT_HEADER = "X-Elastic-Product";
    public static final String PRODUCT = "Elasticsearch";
    public static final String CLUSTER_NAME = "sluice";
    /** Fixed, so it does not change on restart: Sluice has no cluster identity of its own to report. */
    public static final String CLUSTER_UUID = "c2x1aWNlLXNsdWljZS1sb2c";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ROOT = bytes(root());
    private static final byte[] LICENSE = bytes(license());
    private static final byte[] CLUSTER_HEALTH = bytes(clusterHealth());

    private ElasticHandshake() {
    }

    /** {@code GET /}: the node and version document. */
    public static void respond(HttpServerResponse response) {
        end(response, ROOT);
    }

    /**
     * {@code HEAD /} (Logstash's liveness probe): the headers of {@link #respond} and no body. Vert.x writes whatever
     * body it is given even to a HEAD, and those bytes would then be read as the start of the next answer on the
     * same keep-alive connection.
     */
    public static void respondHead(HttpServerResponse response) {
        markProduct(response)
            .setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(ROOT.length))
            .end();
    }

    /** {@code GET /_license}: an active basic license, the one a default Elasticsearch runs with. */
    public static void respondLicense(HttpServerResponse response) {
        end(response, LICENSE);
    }

    /** {@code GET /_cluster/health}: one green node. */
    public static void respondClusterHealth(HttpServerResponse response) {
        end(response, CLUSTER_HEALTH);
    }

    /** Adds {@code X-Elastic-Product: Elasticsearch}; every Elasticsearch-facing answer needs it. */
    public static HttpServerResponse markProduct(HttpServerResponse response) {
        return response.putHeader(PRODUCT_HEADER, PRODUCT);
    }

    private static void end(HttpServerResponse response, byte[] body) {
        markProduct(response)
            .setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(Buffer.buffer(body)); // wraps the shared bytes; nothing ever writes to them
    }

    private static ObjectNode root() {
        ObjectNode root = JSON.createObjectNode()
            .put("name", CLUSTER_NAME)
            .put("cluster_name", CLUSTER_NAME)
            .put("cluster_uuid", CLUSTER_UUID);
        root.putObject("version")
            .put("number", VERSION_NUMBER)
            .put("build_flavor", "default")
            .put("build_type", "sluice")
            .put("build_snapshot", false)
            .put("lucene_version", LUCENE_VERSION)
            .put("minimum_wire_compatibility_version", "7.17.0")
            .put("minimum_index_compatibility_version", "7.0.0");
        return root.put("tagline", "You Know, for Search");
    }

    private static ObjectNode license() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("license")
            .put("status", "active")
            .put("uid", CLUSTER_UUID)
            .put("type", "basic")
            .put("issue_date", "1970-01-01T00:00:00.000Z")
            .put("issue_date_in_millis", 0)
            .put("max_nodes", 1000)
            .putNull("max_resource_units")
            .put("issued_to", CLUSTER_NAME)
            .put("issuer", "elasticsearch")
            .put("start_date_in_millis", -1);
        return root;
    }

    private static ObjectNode clusterHealth() {
        return JSON.createObjectNode()
            .put("cluster_name", CLUSTER_NAME)
            .put("status", "green")
            .put("timed_out", false)
            .put("number_of_nodes", 1)
            .put("number_of_data_nodes", 1)
            .put("active_primary_shards", 0)
            .put("active_shards", 0)
            .put("relocating_shards", 0)
            .put("initializing_shards", 0)
            .put("unassigned_shards", 0)
            .put("delayed_unassigned_shards", 0)
            .put("number_of_pending_tasks", 0)
            .put("number_of_in_flight_fetch", 0)
            .put("task_max_waiting_in_queue_millis", 0)
            .put("active_shards_percent_as_number", 100.0);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
