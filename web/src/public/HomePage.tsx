// Placeholder until the page is built.
const HomePage = () => <p>HomePage</p>;

export default HomePage;
