// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * The workbench: the model, the job runner, the run history and the pages, on one Javalin
 * server. Nothing here is loaded until {@code her2sim serve} runs.
 */
public final class WebServer implements AutoCloseable {
    private final WebConfig config;
    private final RunStore store;
    private final Jobs jobs;
    private final Javalin app;

    private WebServer(WebConfig config, RunStore store, Jobs jobs, Javalin app) {
        this.config = config;
        this.store = store;
        this.jobs = jobs;
        this.app = app;
    }

    /**
     * Reads the model, opens the run history and starts listening.
     *
     * @throws IOException when the model or the data folder cannot be read
     */
    public static WebServer start(WebConfig config) throws IOException {
        config.check();
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        ModelService model = ModelService.bundled(config);
        RunStore store = RunStore.open(config.dataDir());
        store.warnings().forEach(w -> LoggerFactory.getLogger(WebServer.class).warn(w));
        Jobs jobs = new Jobs(config, store, model.hash());
        ModelApi modelApi = new ModelApi(model);
        RunApi runApi = new RunApi(model, config, jobs, store);
        Javalin app;
        try {
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.http.maxRequestSize = config.maxRequestBytes();
                cfg.staticFiles.add("/web/static", Location.CLASSPATH);
                cfg.staticFiles.enableWebjars();
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
                RequestGuard guard = new RequestGuard(config);
                cfg.routes.before(guard::check);
                modelApi.register(cfg.routes);
                runApi.register(cfg.routes);
                Errors.register(cfg.routes);
            }).start(config.bind(), config.port());
        } catch (RuntimeException e) {
            jobs.close();
            store.close();
            throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        return new WebServer(config, store, jobs, app);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Its address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port() + "/";
    }

    /** Stops listening, cancels running jobs and closes the history. */
    @Override
    public void close() {
        app.stop();
        jobs.close();
        store.close();
    }
}
