/**
 * Elasticsearch-compatible ingest: enough of the Elasticsearch HTTP API that a log shipper's Elasticsearch output
 * (Fluent Bit {@code es}, Vector {@code elasticsearch}, Filebeat / Elastic Agent, Logstash {@code elasticsearch}) can
 * point at Sluice unchanged.
 *
 * <pre>
 *   shipper                      Sluice HTTP source                          this package
 *   GET/HEAD /, /_license,  -->  route  ----------------------------------&gt;  ElasticHandshake (static answers)
 *   /_cluster/health
 *   POST /_bulk, /{i}/_bulk -->  HttpIngestHandler: limits, gzip, decode --&gt;  ElasticBulkProtocol
 *                                                                              BulkBodyDecoder (per request)
 *                                                                                JsonRecordMapper, BodyLines (http)
 *                                                                                BulkIdGenerator (_id)
 *                                copy events() into ring, wait for journal
 *                                respond() ---------------------------------&gt;  BulkResult: {"took","errors","items"}
 * </pre>
 *
 * <p>What it is not: a search engine. Only {@code index} and {@code create} store anything (one event per document,
 * field mapping shared with the NDJSON endpoint); {@code delete} and {@code update} are refused per item. Shippers
 * that install index templates or ILM policies on connect should have that switched off, as for any
 * Elasticsearch-compatible receiver (Filebeat fails its connection when template setup fails, Logstash logs errors):
 * Filebeat {@code setup.template.enabled: false}, {@code setup.ilm.enabled: false}; Logstash
 * {@code manage_template => false}, {@code ilm_enabled => false}. Fluent Bit and Vector need no change.
 */
package io.sluice.ingest.elastic;
