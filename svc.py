import pyoxigraph as ox
st = ox.Store()
qs = ["PREFIX : <http://127.0.0.1:18777/a> SELECT * WHERE { SERVICE:{ ?s ?p ?o } }",
      "SELECT * WHERE { ?s ?p 1SERVICE <http://127.0.0.1:18777/b> { ?a ?b ?c } }",
      "SELECT * WHERE { ?s ?p trueSERVICE <http://127.0.0.1:18777/c> { ?a ?b ?c } }",
      "SELECT * WHERE { ?s ?p ?o.SERVICE<http://127.0.0.1:18777/d>{ ?a ?b ?c } }",
      "PREFIX x: <http://127.0.0.1:18777/e> SELECT * WHERE { SERVICE x:{ ?a ?b ?c } }"]
for q in qs:
    try:
        print(len(list(st.query(q))), q[:50])
    except Exception as e:
        print(type(e).__name__, str(e)[:80], "|", q[:50])
